/** CMS back-office traffic: WordPress admin-ajax heartbeats, Gutenberg saves with block comments, theme editor saves with PHP templates, Drupal node edits. */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

const TEMPLATES = ['<?php get_header(); ?>\n<main><?php the_content(); ?></main>\n<?php get_footer(); ?>', "<?php if ( have_posts() ) : while ( have_posts() ) : the_post(); ?>\n  <h2><?php the_title(); ?></h2>\n<?php endwhile; endif; ?>", "<?php echo esc_html( get_bloginfo( 'name' ) ); ?>", "<?php\nadd_action( 'wp_enqueue_scripts', function () {\n  wp_enqueue_style( 'child', get_stylesheet_uri() );\n} );"];

export const cmsAdmin: Family = {
  name: 'cms-admin',
  summary: 'CMS back office: WordPress admin-ajax heartbeats and autosaves, Gutenberg REST saves with block comments, theme-file editor saves carrying PHP templates, options pages with site URLs, Drupal node edit forms.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const site = webHost(rng, en);
    const h = browserHeaders(rng, b, site, 'xhr', { origin: `https://${site}`, referer: `https://${site}/wp-admin/post.php?post=${rng.int(1, 9999)}&action=edit`, site: 'same-origin', cookie: `wordpress_logged_in_${rng.hex(32)}=${en.internet.username()}%7C${rng.digits(10)}%7C${rng.alnum(43)}%7C${rng.hex(64)}` });
    const nonce = rng.hex(10);
    if (rng.chance(0.25)) {
      const page = browserHeaders(rng, b, site, 'document', { referer: `https://${site}/wp-admin/`, site: 'same-origin' });
      return rng.chance(0.5)
        ? { method: 'GET', path: '/wp-admin/post.php', query: encodePairs([['post', String(rng.int(1, 9999))], ['action', 'edit']], 'form'), headers: page }
        : { method: 'GET', path: '/wp-admin/edit.php', query: encodePairs([['post_type', rng.pick(['page', 'post', 'product'])], ['orderby', 'title'], ['order', 'asc'], ['s', en.commerce.product()]], 'form'), headers: page };
    }
    switch (rng.int(0, 4)) {
      case 0:
        return withBody({ method: 'POST', path: '/wp-admin/admin-ajax.php', query: '', headers: h }, 'application/x-www-form-urlencoded; charset=UTF-8', encodePairs([['data[wp-refresh-post-lock][lock]', `${rng.digits(10)}:${rng.int(1, 9)}`], ['data[wp-refresh-post-lock][post_id]', String(rng.int(1, 9999))], ['interval', '60'], ['_nonce', nonce], ['action', 'heartbeat'], ['screen_id', 'post'], ['has_focus', 'false']], 'form'));
      case 1: {
        const content = `<!-- wp:heading -->\n<h2 class="wp-block-heading">${en.commerce.productName()}</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>${en.lorem.sentences(2)}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image {"id":${rng.int(1, 999)},"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="https://${site}/wp-content/uploads/2025/06/${rng.alnum(8)}.jpg" alt=""/></figure>\n<!-- /wp:image -->`;
        return withBody({ method: 'POST', path: `/wp-json/wp/v2/posts/${rng.int(1, 9999)}`, query: '_locale=user', headers: { ...h, 'X-WP-Nonce': nonce } }, 'application/json', JSON.stringify({ id: rng.int(1, 9999), title: en.commerce.productName(), content, status: rng.pick(['draft', 'publish']) }));
      }
      case 2:
        return withBody({ method: 'POST', path: '/wp-admin/theme-editor.php', query: '', headers: h }, 'application/x-www-form-urlencoded', encodePairs([['_wpnonce', nonce], ['_wp_http_referer', '/wp-admin/theme-editor.php?file=single.php&theme=twentytwentyfour-child'], ['newcontent', rng.pick(TEMPLATES)], ['action', 'update'], ['file', rng.pick(['single.php', 'functions.php', 'header.php'])], ['theme', 'twentytwentyfour-child']], 'form'));
      case 3:
        return withBody({ method: 'POST', path: '/wp-admin/options.php', query: '', headers: h }, 'application/x-www-form-urlencoded', encodePairs([['option_page', 'general'], ['action', 'update'], ['_wpnonce', nonce], ['blogname', en.company.name()], ['siteurl', `https://${site}`], ['home', `https://${site}`], ['admin_email', en.internet.email()], ['date_format', 'F j, Y'], ['time_format', 'g:i a']], 'form'));
      default:
        return withBody({ method: 'POST', path: `/node/${rng.int(1, 9999)}/edit`, query: '', headers: h }, 'application/x-www-form-urlencoded', encodePairs([['title[0][value]', en.commerce.productName()], ['body[0][value]', `<p>${en.lorem.paragraph()}</p><p><a href="/node/${rng.int(1, 999)}">${en.lorem.words(2)}</a></p>`], ['body[0][format]', 'basic_html'], ['form_build_id', `form-${rng.alnum(43)}`], ['form_token', rng.alnum(43)], ['form_id', 'node_article_edit_form'], ['op', 'Save']], 'form'));
    }
  },
};
