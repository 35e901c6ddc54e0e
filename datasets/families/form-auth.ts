/** Login, registration, password-reset and 2FA forms as browsers submit them (urlencoded). */
import type { Family } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { csrfToken, password } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, withBody } from '../lib/wire.js';

type P = [string, string | number];

export const formAuth: Family = {
  name: 'form-auth',
  summary: 'Login, sign-up, password reset, 2FA and OAuth consent forms in many locales: names, emails, passwords with punctuation, CSRF tokens, remember-me flags.',
  perScale: 6_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const person = makePerson(rng, ctx.fakers, locale);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, en);
    const csrfName = rng.pick(['_token', 'csrf_token', 'csrfmiddlewaretoken', 'authenticity_token', '_csrf', '__RequestVerificationToken', 'form_key']);
    const pw = password(rng, en);
    const kind = rng.weighted([['login', 5], ['register', 3], ['reset', 1], ['2fa', 1], ['change', 1], ['oauth', 1]] as const);
    let path: string;
    let pairs: P[];
    if (kind === 'login') {
      path = rng.pick(['/login', '/signin', '/auth/login', '/account/login', '/users/sign_in', '/wp-login.php', '/user/login', '/session', '/customer/account/loginPost/', '/j_security_check']);
      const userField = rng.pick(['email', 'username', 'login', 'user[email]', 'log', 'j_username', 'session[email]', 'identifier']);
      const passField = userField.startsWith('user[') ? 'user[password]' : userField === 'log' ? 'pwd' : userField === 'j_username' ? 'j_password' : userField.startsWith('session[') ? 'session[password]' : 'password';
      pairs = [[userField, rng.chance(0.7) ? person.email : person.username], [passField, pw]];
      if (rng.chance(0.5)) pairs.push([rng.pick(['remember', 'remember_me', 'rememberme', 'user[remember_me]']), rng.pick(['1', 'on', 'true', 'forever'])]);
      if (userField === 'log') pairs.push(['wp-submit', rng.pick(['Log In', 'Anmelden', 'Se connecter', 'Acceder'])], ['redirect_to', `https://${host}/wp-admin/`], ['testcookie', '1']);
      if (rng.chance(0.3)) pairs.push([rng.pick(['next', 'redirect', 'returnUrl', 'return_to']), rng.pick(['/account', '/dashboard', `/checkout?step=2`, '/app/', `https://${host}/orders`])]);
    } else if (kind === 'register') {
      path = rng.pick(['/register', '/signup', '/users', '/account/create', '/join', '/customer/account/createpost/', '/registrieren']);
      const nested = rng.chance(0.3);
      const f = (n: string) => (nested ? `user[${n}]` : n);
      pairs = [];
      if (rng.chance(0.5)) pairs.push([f('first_name'), person.firstName], [f('last_name'), person.lastName]);
      else pairs.push([f(rng.pick(['name', 'full_name', 'display_name'])), person.fullName]);
      pairs.push([f('email'), person.email]);
      if (rng.chance(0.4)) pairs.push([f('username'), person.username]);
      pairs.push([f('password'), pw]);
      if (rng.chance(0.7)) pairs.push([f(rng.pick(['password_confirmation', 'password2', 'confirm_password'])), pw]);
      if (rng.chance(0.3)) pairs.push([f('phone'), person.phone]);
      if (rng.chance(0.2)) pairs.push([f('birthdate'), person.birthdate]);
      if (rng.chance(0.2)) pairs.push([f('company'), person.company]);
      if (rng.chance(0.5)) pairs.push([rng.pick(['terms', 'accept_terms', 'tos', 'agb']), rng.pick(['1', 'on', 'true'])]);
      if (rng.chance(0.4)) pairs.push([rng.pick(['newsletter', 'marketing_opt_in', 'subscribe']), rng.pick(['0', '1', 'on'])]);
      if (rng.chance(0.3)) pairs.push(['g-recaptcha-response', rng.base64(rng.int(300, 500), true)]);
      if (rng.chance(0.2)) pairs.push(['cf-turnstile-response', `0.${rng.base64(200, true)}`]);
    } else if (kind === 'reset') {
      path = rng.pick(['/password/reset', '/forgot-password', '/account/forgotpassword', '/users/password', '/wp-login.php']);
      pairs = rng.chance(0.5) ? [['email', person.email]] : [['token', rng.hex(64)], ['email', person.email], ['password', pw], ['password_confirmation', pw]];
      if (path === '/wp-login.php') pairs = [['user_login', person.email], ['redirect_to', ''], ['wp-submit', 'Get New Password']];
    } else if (kind === '2fa') {
      path = rng.pick(['/login/2fa', '/two-factor', '/verify', '/auth/otp', '/sessions/two-factor']);
      pairs = [[rng.pick(['code', 'otp', 'token', 'totp', 'verification_code']), rng.chance(0.8) ? String(rng.int(0, 999999)).padStart(6, '0') : `${rng.alnum(5).toLowerCase()}-${rng.alnum(5).toLowerCase()}`]];
      if (rng.chance(0.4)) pairs.push(['trust_device', '1']);
    } else if (kind === 'change') {
      path = rng.pick(['/account/password', '/settings/security', '/profile/password', '/me/password']);
      const old = password(rng, en);
      pairs = [['current_password', old], ['new_password', pw], ['new_password_confirmation', pw]];
    } else {
      path = rng.pick(['/oauth/authorize', '/oauth2/auth/consent', '/authorize/decision', '/login/oauth/authorize']);
      pairs = [['client_id', rng.chance(0.5) ? rng.hex(20) : `${rng.digits(12)}-${rng.alnum(32).toLowerCase()}.apps.googleusercontent.com`], ['redirect_uri', `https://${rng.pick(['app.', 'www.', ''])}${webHost(rng, en).replace(/^www\./, '')}/auth/callback`], ['response_type', 'code'], ['scope', rng.pick(['openid email profile', 'read_user api', 'repo user:email', 'offline_access'])], ['state', rng.base64(24, true)], ['authorize', rng.pick(['1', 'Allow', 'Autorisieren'])]];
      if (rng.chance(0.6)) pairs.push(['code_challenge', rng.base64(32, true)], ['code_challenge_method', 'S256']);
    }
    if (rng.chance(0.75)) pairs.unshift([csrfName, csrfToken(rng)]);
    if (rng.chance(0.08)) pairs.push(['utf8', '✓']);
    const cookies = cookieJar(rng, { csrf: rng.chance(0.5), locale, session: kind !== 'login' || rng.chance(0.5) });
    const headers = browserHeaders(rng, b, host, 'form', {
      referer: `https://${host}${path}`,
      origin: `https://${host}`,
      cookie: cookieHeader(cookies),
      site: 'same-origin',
    });
    return withBody({ method: 'POST', path, query: '', headers }, 'application/x-www-form-urlencoded', encodePairs(pairs, 'form'));
  },
};
