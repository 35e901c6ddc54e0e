/**
 * Code-review and CI webhook bodies: pull-request and push events with unified diffs of lockfiles and
 * manifests (version constraints `^1.2 || ~2.0`, `>=1.0,<2`, `~> 3.1`), Dependabot titles, CI job
 * names and their shell steps (`npm ci && npm test`, `make -j$(nproc)`).
 */
import type { Family } from '../lib/family.js';
import { pickServerUa } from '../lib/clients.js';
import { withBody } from '../lib/wire.js';

const PACKAGES = ['lodash', 'express', 'react', 'django', 'requests', 'rails', 'serde', 'guava', 'symfony/console', 'github.com/gin-gonic/gin', 'urllib3', 'axios', 'webpack', 'pytest'];
const CONSTRAINTS = ['^1.2.3', '~2.0.1', '>=1.0,<2', '>= 3.1, < 4', '~> 3.1', '^1.2 || ^2.0', '!=1.5.*', '==2.31.0', '>=0.12.0 <0.13.0', '*', 'latest', '1.x', '^4.17.21', '>=3.8', 'v1.9.1', '<=5.0.0'];
const STEPS = ['npm ci && npm test', 'yarn install --frozen-lockfile && yarn build', 'make -j$(nproc) all', 'pip install -r requirements.txt && pytest -q', './gradlew build --no-daemon', 'cargo test --all-features', 'go test ./... | tee test.log', 'docker build -t app:${CI_COMMIT_SHA} .', 'bundle exec rspec || exit 1', 'echo "$KUBECONFIG" | base64 -d > ~/.kube/config', 'if [ "$BRANCH" = main ]; then ./deploy.sh; fi', 'curl -fsSL https://get.example.dev/install.sh | sh'];

function diff(rng: import('../lib/rng.js').Rng): string {
  const pkg = rng.pick(PACKAGES);
  const [from, to] = [rng.pick(CONSTRAINTS), rng.pick(CONSTRAINTS)];
  const file = rng.pick(['package.json', 'requirements.txt', 'Gemfile', 'Cargo.toml', 'go.mod', 'composer.json', 'pyproject.toml']);
  return `diff --git a/${file} b/${file}\nindex ${rng.hex(7)}..${rng.hex(7)} 100644\n--- a/${file}\n+++ b/${file}\n@@ -${rng.int(1, 40)},${rng.int(3, 9)} +${rng.int(1, 40)},${rng.int(3, 9)} @@\n-    "${pkg}": "${from}",\n+    "${pkg}": "${to}",\n     "${rng.pick(PACKAGES)}": "${rng.pick(CONSTRAINTS)}"\n`;
}

export const ciWebhook: Family = {
  name: 'ci-webhook',
  summary: 'Code-review and CI webhooks: PR/push events with unified diffs of manifests and lockfiles, version constraints (^1.2 || ~2.0, >=1.0,<2, ~> 3.1), Dependabot titles, pipeline/job events with job names and their shell steps.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const repo = `${en.internet.username()}/${en.commerce.productAdjective().toLowerCase()}-${rng.pick(['api', 'web', 'cli', 'sdk'])}`;
    const pkg = rng.pick(PACKAGES);
    const kind = rng.int(0, 3);
    let body: unknown;
    let headers: Record<string, string>;
    if (kind === 0) {
      body = { action: rng.pick(['opened', 'synchronize', 'edited']), number: rng.int(1, 9000), pull_request: { title: rng.pick([`Bump ${pkg} from ${rng.int(1, 4)}.${rng.int(0, 20)}.${rng.int(0, 9)} to ${rng.int(1, 5)}.${rng.int(0, 20)}.${rng.int(0, 9)}`, `chore(deps): update ${pkg} to ${rng.pick(CONSTRAINTS)}`, `fix: handle ${rng.pick(['null', 'empty', 'unicode'])} input in parser`]), body: `Bumps [${pkg}](https://github.com/${pkg}) from ${rng.pick(CONSTRAINTS)} to ${rng.pick(CONSTRAINTS)}.\n\n<details>\n<summary>Commits</summary>\n<ul>\n<li><a href="https://github.com/${repo}/commit/${rng.hex(40)}"><code>${rng.hex(7)}</code></a> ${rng.pick(['Release', 'Fix CVE in parser', 'Drop node 14'])}</li>\n</ul>\n</details>\n\n\`\`\`diff\n${diff(rng)}\`\`\``, head: { ref: `dependabot/npm_and_yarn/${pkg}-${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}`, sha: rng.hex(40) }, base: { ref: 'main' } }, repository: { full_name: repo } };
      headers = { 'X-GitHub-Event': 'pull_request', 'X-GitHub-Delivery': rng.uuid(), 'X-Hub-Signature-256': `sha256=${rng.hex(64)}` };
    } else if (kind === 1) {
      body = { object_kind: 'pipeline', object_attributes: { id: rng.int(1, 9e6), ref: rng.pick(['main', 'develop', `feature/${rng.alnum(6)}`]), status: rng.pick(['success', 'failed', 'running']), stages: ['build', 'test', 'deploy'] }, builds: Array.from({ length: rng.int(1, 4) }, () => ({ id: rng.int(1, 9e6), stage: rng.pick(['build', 'test', 'deploy']), name: rng.pick(['test:unit', 'test:e2e [chrome]', 'build && push', 'lint | format', 'deploy:prod', 'rspec 1/4', 'pages']), status: rng.pick(['success', 'failed']), script: rng.sample(STEPS, 2) })), project: { path_with_namespace: repo } };
      headers = { 'X-Gitlab-Event': 'Pipeline Hook', 'X-Gitlab-Token': rng.alnum(20) };
    } else if (kind === 2) {
      body = { ref: 'refs/heads/main', before: rng.hex(40), after: rng.hex(40), commits: Array.from({ length: rng.int(1, 3) }, () => ({ id: rng.hex(40), message: rng.pick([`Merge pull request #${rng.int(1, 999)} from ${repo}/${rng.alnum(6)}`, `build(deps): bump ${pkg} ${rng.pick(CONSTRAINTS)} -> ${rng.pick(CONSTRAINTS)}`, `ci: run \`${rng.pick(STEPS)}\` on PRs`, 'Revert "fix: escape $ in env"']), added: [], modified: [rng.pick(['package.json', 'yarn.lock', '.github/workflows/ci.yml', 'Makefile'])], removed: [] })), repository: { full_name: repo } };
      headers = { 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': rng.uuid(), 'X-Hub-Signature-256': `sha256=${rng.hex(64)}` };
    } else {
      body = { build: { number: rng.int(1, 9999), phase: rng.pick(['COMPLETED', 'FINALIZED']), status: rng.pick(['SUCCESS', 'FAILURE', 'UNSTABLE']), full_url: `https://ci.${en.internet.domainName()}/job/${repo.replace('/', '-')}/${rng.int(1, 999)}/`, parameters: { BRANCH: 'main', VERSION_RANGE: rng.pick(CONSTRAINTS), CMD: rng.pick(STEPS) }, log: `+ ${rng.pick(STEPS)}\n${rng.pick(['Tests: 412 passed, 412 total', 'npm ERR! code ERESOLVE', 'BUILD SUCCESSFUL in 41s'])}` }, name: repo };
      headers = {};
    }
    return withBody({ method: 'POST', path: rng.pick(['/webhooks/github', '/hooks/ci', '/api/v1/integrations/gitlab', '/jenkins/notify']), query: '', headers: { Host: `hooks.${en.internet.domainName()}`, 'User-Agent': kind === 0 || kind === 2 ? `GitHub-Hookshot/${rng.hex(7)}` : kind === 1 ? 'GitLab/17.0.0' : pickServerUa(rng), Accept: '*/*', ...headers } }, 'application/json', JSON.stringify(body));
  },
};
