/**
 * Request paths of a code forge (GitHub, GitLab, Gitea and their APIs) that *name* a repository's file
 * rather than open one on the server: a view route then a ref (`/o/r/blob/main/etc/nginx/nginx.conf`,
 * `/o/r/-/raw/v1.2/.env.example`, `/o/r/src/branch/main/…`, `/o/r/-/ide/project/o/r/edit/main/-/…`), a
 * contents API (`/repos/o/r/contents/…`, `/projects/12/repository/files/…`), or Git's smart-HTTP
 * endpoints of a named repository (`/o/r.git/info/refs`, `/o/r.git/git-upload-pack`; a bare `/.git/`
 * is a probe for an exposed checkout and stays evidence). The file-probe signatures skip these routes
 * for the same reason (signatures/README.md); here the whole-path target of such a request goes to
 * the model only on a gate-1 hit, like a path mentioned in a field (path-mention.ts). A path with a
 * dot-dot segment, a backslash or an encoded dot, slash or backslash is never one: a traversal through
 * a view route reaches other files.
 */

const VIEW_ROUTE = /^[^?]*\/(?:(?:-\/)?(?:blob|raw|blame|tree|commits|edit|src\/(?:branch|tag|commit))\/[^/?]+|repos\/[^/?]+\/[^/?]+\/contents|repository\/files)\//i;
const GIT_ENDPOINT = /^\/(?:[^/?]+\/)*[^/?]*[^/.?][^/?]*\.git\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/(?:info\/packs|[0-9a-f]{2}\/[0-9a-f]{38}))$/i;
const TRAVERSAL = /\.\.|\\|%2e|%2f|%5c/i;

/** True when a request path is a forge's view of a repository file or a Git endpoint (module comment). */
export function isForgePath(path: string): boolean {
  if (TRAVERSAL.test(path)) return false;
  return VIEW_ROUTE.test(path) || GIT_ENDPOINT.test(path);
}

/**
 * A repository page whose `path` parameter names a file of the repository: a commit (`/o/r/-/commit/<sha>.diff?path=…`),
 * a file's history (`/o/r/commits/main?path=…`), a comparison, or a view route. Such a parameter is a
 * mention, not a file the server opens (path-mention.ts then drops the field-name test for it); the
 * value itself must still be a bare path that is no secret's name.
 */
const REPOSITORY_PAGE = /^\/[^/?]+\/[^/?]+\/(?:-\/)?(?:commit\/[0-9a-f]{7,40}(?:\.(?:diff|patch))?|commits\/[^/?]+|compare\/[^/?]+)\/?$/i;

export function isRepositoryPage(path: string): boolean {
  if (TRAVERSAL.test(path)) return false;
  return REPOSITORY_PAGE.test(path) || VIEW_ROUTE.test(path);
}
