/* portada-publish-wordpress.c: pushing articles to a live WordPress.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each article and site, portada-wordpress-posts.c keeps the post's id, the
 * post's modified_gmt as the last push left it, and the SHA-256 of what that push
 * sent, and of the post's fields as the site answered it. An article
 * whose fields (as they would be sent, its terms by name) hash the same is not sent
 * again. Before an update, the post is read back: when its modified_gmt moved, or its
 * fields no longer hash as the site answered the last push (an edit in the same second
 * as that push leaves modified_gmt as it was), someone changed it on the site, and it
 * is left alone. WordPress offers no conditional update, so an edit on the site in the
 * moment between that read and the update is not seen.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "portada-articles.h"
#include "portada-error.h"
#include "portada-html-to-markdown.h"
#include "portada-newsroom-private.h"
#include "portada-publish-wordpress.h"
#include "portada-revisions.h"
#include "portada-settings.h"
#include "portada-slug.h"
#include "portada-wordpress-client.h"
#include "portada-wordpress-media.h"
#include "portada-wordpress-posts.h"
#include "portada-wxr.h"

/* The post meta Portada sends, when the site registers them for the REST API. */
static const char *const meta_keys[]
    = { "source_name", "source_url", "_portada_translation_group" };

typedef struct
{
  PortadaNewsroom *newsroom;
  const PortadaWordpressOptions *options;
  GCancellable *cancellable;
  PortadaWpClient *client;
  char *site; /* the mapping's key: the destination without its user */
  const char *user;
  GHashTable *sections; /* key -> PortadaSection */
  GHashTable *terms;    /* "categories\x1fslug" -> id */
  GHashTable *meta;     /* the registered meta keys (borrowed strings) */
  gboolean fatal;       /* the failure at hand is the newsroom's, not the site's */
  PortadaWordpressSummary summary;
} Push;

/* ---- What is sent ---------------------------------------------------------------- */

static const char *
wp_status (PortadaArticleStatus status)
{
  switch (status)
    {
      case PORTADA_STATUS_DRAFT:
        return "draft";
      case PORTADA_STATUS_REVIEW:
        return "pending";
      case PORTADA_STATUS_SCHEDULED:
        return "future";
      case PORTADA_STATUS_PUBLISHED:
        return "publish";
      case PORTADA_STATUS_ARCHIVED:
      default:
        /* As in the WXR export: kept, but off the public site. */
        return "private";
    }
}

static PortadaArticleStatus
status_from_wp (const char *status, PortadaArticleStatus fallback)
{
  static const struct
  {
    const char *wp;
    PortadaArticleStatus status;
  } map[] = {
    { "draft", PORTADA_STATUS_DRAFT },      { "pending", PORTADA_STATUS_REVIEW },
    { "future", PORTADA_STATUS_SCHEDULED }, { "publish", PORTADA_STATUS_PUBLISHED },
    { "private", PORTADA_STATUS_ARCHIVED },
  };

  for (guint i = 0; status && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (status, map[i].wp))
      return map[i].status;
  return fallback;
}

static char *
gmt_date (gint64 t)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S") : NULL;
}

static void
add_text (JsonBuilder *b, const char *member, const char *text)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, text ? text : "");
}

/* The post's fields that do not depend on the site's ids; @content is the body as
 * HTML. */
static void
add_fields (Push *p, JsonBuilder *b, const PortadaArticle *a, const char *content)
{
  g_autofree char *title = portada_wxr_text_to_wp (a->title);
  g_autofree char *excerpt = portada_wxr_text_to_wp (a->excerpt ? a->excerpt : "");
  g_autofree char *date = a->publish_at ? gmt_date (a->publish_at) : NULL;

  add_text (b, "title", title);
  add_text (b, "slug", a->slug);
  add_text (b, "content", content);
  add_text (b, "excerpt", excerpt);
  add_text (b, "status", wp_status (a->status));
  add_text (b, "comment_status", a->comments_enabled ? "open" : "closed");
  if (date)
    add_text (b, "date_gmt", date);
  if (g_hash_table_size (p->meta) > 0)
    {
      const char *values[] = { a->source_name, a->source_url, a->translation_group };
      json_builder_set_member_name (b, "meta");
      json_builder_begin_object (b);
      for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
        if (g_hash_table_contains (p->meta, meta_keys[i]))
          add_text (b, meta_keys[i], values[i]);
      json_builder_end_object (b);
    }
}

static PortadaSection *
section_of (Push *p, const PortadaArticle *a)
{
  return a->section ? g_hash_table_lookup (p->sections, a->section) : NULL;
}

/* The category's slug: the last part of the section's path, as in the WXR export. */
static char *
category_slug (PortadaSection *s, const char *lang)
{
  const char *path = portada_section_get_path (s, lang);
  const char *slash = strrchr (path, '/');

  return g_strdup (slash ? slash + 1 : path);
}

/* The SHA-256 of what would be sent, with the terms by name: the same hash, nothing
 * to send. */
static char *
fingerprint (Push *p, const PortadaArticle *a)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *content = portada_wxr_body_html (a->body);
  PortadaSection *s = section_of (p, a);

  json_builder_begin_object (b);
  add_fields (p, b, a, content);
  json_builder_set_member_name (b, "featured_media_id");
  json_builder_add_int_value (b, a->featured_media_id);
  if (s)
    {
      g_autofree char *slug = category_slug (s, a->lang);
      add_text (b, "category", portada_section_get_name (s, a->lang));
      add_text (b, "category_slug", slug);
    }
  json_builder_set_member_name (b, "tag_names");
  json_builder_begin_array (b);
  for (guint i = 0; a->tags && a->tags[i]; i++)
    json_builder_add_string_value (b, a->tags[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* The post's own fields as the site has them (context=edit), as a SHA-256. */
static char *
site_digest (JsonObject *post)
{
  static const char *const raw[] = { "title", "content", "excerpt" };
  static const char *const plain[] = { "status", "slug", "date_gmt" };
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      const char *v = portada_wp_raw (post, raw[i]);
      g_checksum_update (sum, (const guchar *) (v ? v : ""), -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      const char *v = portada_wp_string (post, plain[i]);
      /* WordPress's cron publishes a scheduled post when its time comes: not an edit. */
      if (g_strcmp0 (v, "future") == 0)
        v = "publish";
      g_checksum_update (sum, (const guchar *) (v ? v : ""), -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* ---- Terms ---------------------------------------------------------------------- */

static gint64
id_of (JsonNode *node)
{
  JsonObject *o = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  return o && json_object_has_member (o, "id") ? json_object_get_int_member (o, "id") : 0;
}

/* The id of the category or tag @slug (@taxonomy: "categories", "tags"), made when
 * the site has none. */
static gint64
term_id (Push *p, const char *taxonomy, const char *name, const char *slug, GError **error)
{
  g_autofree char *key = g_strconcat (taxonomy, "\x1f", slug, NULL);
  g_autofree char *route = g_strconcat ("/wp/v2/", taxonomy, NULL);
  g_autofree char *escaped = g_uri_escape_string (slug, NULL, FALSE);
  g_autofree char *query = g_strconcat ("slug=", escaped, NULL);
  g_autofree char *what = NULL;
  g_autoptr (JsonNode) found = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GError) local = NULL;
  gpointer cached;
  gint64 id;

  if (g_hash_table_lookup_extended (p->terms, key, NULL, &cached))
    return GPOINTER_TO_SIZE (cached);
  what = g_strcmp0 (taxonomy, "tags") == 0
             ? g_strdup_printf (_ ("to read the tag “%s”"), name)
             : g_strdup_printf (_ ("to read the category “%s”"), name);
  found = portada_wp_client_call (p->client, "GET", route, query, NULL, what, p->cancellable, NULL,
                                  error);
  if (found == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (found) && json_array_get_length (json_node_get_array (found)) > 0)
    id = id_of (json_array_get_element (json_node_get_array (found), 0));
  else
    {
      g_free (what);
      what = g_strcmp0 (taxonomy, "tags") == 0
                 ? g_strdup_printf (_ ("to make the tag “%s”"), name)
                 : g_strdup_printf (_ ("to make the category “%s”"), name);
      json_builder_begin_object (b);
      add_text (b, "name", name);
      add_text (b, "slug", slug);
      json_builder_end_object (b);
      body = json_builder_get_root (b);
      made = portada_wp_client_call (p->client, "POST", route, NULL, body, what, p->cancellable,
                                     NULL, &local);
      /* A term of that name under another slug: WordPress says which. */
      if (made == NULL && g_strcmp0 (portada_wp_client_last_code (p->client), "term_exists") == 0
          && portada_wp_client_last_data (p->client))
        id = json_object_get_int_member_with_default (portada_wp_client_last_data (p->client),
                                                      "term_id", 0);
      else if (made == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return 0;
        }
      else
        id = id_of (made);
    }
  if (id <= 0)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: no id in the answer to the request %s"), p->site, what);
      return 0;
    }
  g_hash_table_insert (p->terms, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
  return id;
}

static gboolean
add_terms (Push *p, JsonBuilder *b, const PortadaArticle *a, GError **error)
{
  PortadaSection *s = section_of (p, a);
  g_autoptr (GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (s)
    {
      g_autofree char *slug = category_slug (s, a->lang);
      gint64 id = term_id (p, "categories", portada_section_get_name (s, a->lang), slug, error);
      if (id == 0)
        return FALSE;
      json_builder_set_member_name (b, "categories");
      json_builder_begin_array (b);
      json_builder_add_int_value (b, id);
      json_builder_end_array (b);
    }
  for (guint i = 0; a->tags && a->tags[i]; i++)
    {
      g_autofree char *slug = portada_slug_from_title (a->tags[i]);
      gint64 id = term_id (p, "tags", a->tags[i], slug, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (tags, id);
    }
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint i = 0; i < tags->len; i++)
    json_builder_add_int_value (b, g_array_index (tags, gint64, i));
  json_builder_end_array (b);
  return TRUE;
}

/* ---- The site's side ------------------------------------------------------------ */

/* Which of Portada's meta keys the site takes: the posts' schema lists them. */
static gboolean
read_registered_meta (Push *p, GError **error)
{
  g_autoptr (JsonNode) answer
      = portada_wp_client_call (p->client, "OPTIONS", "/wp/v2/posts", NULL, NULL,
                                _ ("to read the posts' fields"), p->cancellable, NULL, error);
  JsonObject *o = answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonNode *node;
  g_autoptr (GString) missing = g_string_new (NULL);

  if (answer == NULL)
    return FALSE;
  for (const char *path_part[] = { "schema", "properties", "meta", "properties" },
                  **part = path_part;
       o && part < path_part + G_N_ELEMENTS (path_part); part++)
    {
      node = json_object_get_member (o, *part);
      o = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    {
      if (o && json_object_has_member (o, meta_keys[i]))
        g_hash_table_add (p->meta, (gpointer) meta_keys[i]);
      else
        g_string_append_printf (missing, missing->len ? ", %s" : "%s", meta_keys[i]);
    }
  if (missing->len && p->options->note)
    {
      g_autofree char *note
          = g_strdup_printf (_ ("%s does not register the post meta %s for its REST API: "
                                "those fields were not sent (a plugin's register_post_meta() "
                                "with show_in_rest makes the site take them)"),
                             p->site, missing->str);
      p->options->note (note, p->options->user_data);
    }
  return TRUE;
}

/* The post as the site has it now, as an earlier version of the article. */
static gboolean
keep_site_version (Push *p, const PortadaArticle *a, JsonObject *post, const char *digest,
                   GError **error)
{
  g_autoptr (PortadaArticle) site = portada_article_copy (a);
  const char *content = portada_wp_raw (post, "content");
  g_autofree char *paragraphs = portada_wp_autop (content ? content : "");
  const char *title = portada_wp_raw (post, "title");
  const char *excerpt = portada_wp_raw (post, "excerpt");

  g_free (site->title);
  site->title = portada_wxr_text_from_wp (title ? title : "");
  g_free (site->excerpt);
  site->excerpt = portada_wxr_text_from_wp (excerpt ? excerpt : "");
  g_free (site->body);
  site->body = portada_html_to_markdown (paragraphs, NULL);
  site->status = status_from_wp (portada_wp_string (post, "status"), a->status);
  if (!portada_newsroom_begin (p->newsroom, error))
    return FALSE;
  if (!portada_revisions_add (p->newsroom, site, PORTADA_REVISION_REASON_WORDPRESS,
                              portada_articles_now (), error)
      || !portada_wp_posts_mark_conflict (p->newsroom, p->site, a->id, digest, error)
      || !portada_newsroom_commit (p->newsroom, error))
    {
      portada_newsroom_rollback (p->newsroom);
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_as_pushed (JsonObject *post, const PortadaWpPost *m)
{
  g_autofree char *digest = site_digest (post);

  return m->site_sha256 == NULL || g_str_equal (digest, m->site_sha256);
}

typedef enum
{
  POST_AS_PUSHED, /* the site has it as the last push left it */
  POST_CHANGED,   /* edited or trashed on the site since */
  POST_DELETED,   /* gone from the site */
} PostState;

/* How the mapped post stands on the site; when it is not as pushed, @why says what the
 * site did (the site's version kept as a revision by then). FALSE with @error when
 * the site could not tell. */
static gboolean
check_post (Push *p, const PortadaArticle *a, PortadaWpPost *m, PostState *state, char **why,
            GError **error)
{
  g_autofree char *route = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT, m->post_id);
  g_autofree char *what = g_strdup_printf (_ ("to read the post of “%s”"), a->title);
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonNode) answer = portada_wp_client_call (p->client, "GET", route, "context=edit",
                                                        NULL, what, p->cancellable, NULL, &local);
  g_autofree char *digest = NULL;
  JsonObject *post;
  const char *modified, *status;

  *state = POST_AS_PUSHED;
  if (answer == NULL && g_error_matches (local, PORTADA_ERROR, PORTADA_ERROR_NOT_FOUND))
    {
      *state = POST_DELETED;
      *why = g_strdup_printf (_ ("post %lld was deleted on the site"), (long long) m->post_id);
      return TRUE;
    }
  if (answer == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  post = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  modified = portada_wp_string (post, "modified_gmt");
  status = portada_wp_string (post, "status");
  if (g_strcmp0 (status, "trash") == 0)
    *why = g_strdup_printf (_ ("post %lld was moved to the Trash on the site"),
                            (long long) m->post_id);
  else if (g_strcmp0 (modified, m->modified_gmt) != 0 || !same_as_pushed (post, m))
    *why = g_strdup_printf (_ ("the site's version of post %lld changed since the last push (it "
                               "was modified on the site at %s "
                               "UTC)"),
                            (long long) m->post_id, modified ? modified : "?");
  if (*why == NULL)
    return TRUE;
  *state = POST_CHANGED;
  digest = site_digest (post);
  if (g_strcmp0 (digest, m->conflict_site_sha256) != 0)
    {
      char *more;
      if (!keep_site_version (p, a, post, digest, error))
        return FALSE;
      more = g_strconcat (*why, _ ("; the site's version is kept as a revision of the article"),
                          NULL);
      g_free (*why);
      *why = more;
    }
  return TRUE;
}

/* ---- One article ------------------------------------------------------------------ */

static void
report (Push *p, const PortadaArticle *a, PortadaWordpressOutcome outcome, gint64 post_id,
        const char *detail)
{
  switch (outcome)
    {
      case PORTADA_WORDPRESS_CREATED:
        p->summary.created++;
        break;
      case PORTADA_WORDPRESS_UPDATED:
        p->summary.updated++;
        break;
      case PORTADA_WORDPRESS_UNCHANGED:
        p->summary.unchanged++;
        break;
      case PORTADA_WORDPRESS_CONFLICT:
        p->summary.conflicts++;
        break;
      case PORTADA_WORDPRESS_FAILED:
      default:
        p->summary.failed++;
    }
  if (p->options->article)
    p->options->article (a, outcome, post_id, detail, p->options->user_data);
}

/* Errors that end the push: the newsroom's, and those every other article would meet
 * too. */
static gboolean
is_fatal (Push *p, const GError *error)
{
  return p->fatal || error->domain != PORTADA_ERROR || error->code == PORTADA_ERROR_AUTH
         || error->code == PORTADA_ERROR_PERMISSION || error->code == PORTADA_ERROR_UNREACHABLE
         || error->code == PORTADA_ERROR_CANCELLED;
}

/* The body with its images on the site, and the featured image's attachment. */
static char *
resolve_images (Push *p, const PortadaArticle *a, gint64 *featured, GError **error)
{
  g_autofree char *html = portada_wxr_body_html (a->body);
  g_autofree char *url = NULL;

  *featured = 0;
  if (a->featured_media_id
      && !portada_wp_media_get (p->newsroom, p->client, p->site, a->featured_media_id, featured,
                                &url, p->cancellable, &p->fatal, error))
    return NULL;
  return portada_wp_media_resolve_body (p->newsroom, p->client, p->site, html, p->cancellable,
                                        &p->fatal, error);
}

/* A post this article already made, whose answer never reached the newsroom (a push
 * killed or cut off between the two): the site's post with the article's slug, title
 * and content. Its id, 0 when there is none, -1 on error. */
static gint64
find_made_before (Push *p, const PortadaArticle *a, const char *content, GError **error)
{
  g_autofree char *slug = g_uri_escape_string (a->slug, NULL, FALSE);
  g_autofree char *query = g_strconcat ("slug=", slug, "&status=any&context=edit", NULL);
  g_autofree char *title = portada_wxr_text_to_wp (a->title);
  g_autofree char *what = g_strdup_printf (_ ("to look for the post of “%s”"), a->title);
  g_autoptr (JsonNode) found = portada_wp_client_call (p->client, "GET", "/wp/v2/posts", query,
                                                       NULL, what, p->cancellable, NULL, error);
  JsonArray *posts;

  if (found == NULL)
    return -1;
  posts = JSON_NODE_HOLDS_ARRAY (found) ? json_node_get_array (found) : NULL;
  for (guint i = 0; posts && i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);
      JsonObject *post = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (post && g_strcmp0 (portada_wp_raw (post, "title"), title) == 0
          && g_strcmp0 (portada_wp_raw (post, "content"), content) == 0
          && !portada_wp_posts_taken (p->newsroom, p->site, id_of (node)))
        return id_of (node);
    }
  return 0;
}

/* Sends the article: creates its post, or updates post @post_id. */
static gboolean
send_post (Push *p, const PortadaArticle *a, gint64 post_id, const char *sha, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *route = NULL;
  g_autofree char *what = NULL;
  g_autofree char *content = NULL;
  JsonObject *post;
  gint64 id, featured;
  const char *modified;

  p->fatal = FALSE;
  if ((content = resolve_images (p, a, &featured, error)) == NULL)
    return FALSE;
  if (post_id == 0)
    {
      if ((post_id = find_made_before (p, a, content, error)) < 0)
        return FALSE;
    }
  route = post_id ? g_strdup_printf ("/wp/v2/posts/%lld", (long long) post_id)
                  : g_strdup ("/wp/v2/posts");
  what = post_id ? g_strdup_printf (_ ("to update the post of “%s”"), a->title)
                 : g_strdup_printf (_ ("to create the post of “%s”"), a->title);
  json_builder_begin_object (b);
  add_fields (p, b, a, content);
  json_builder_set_member_name (b, "featured_media");
  json_builder_add_int_value (b, featured);
  if (!add_terms (p, b, a, error))
    return FALSE;
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  answer = portada_wp_client_call (p->client, "POST", route, NULL, body, what, p->cancellable, NULL,
                                   error);
  if (answer == NULL)
    return FALSE;
  post = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  id = id_of (answer);
  modified = portada_wp_string (post, "modified_gmt");
  if (id <= 0 || modified == NULL)
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_FAILED,
                   _ ("%s: the answer to the request %s has no post id or modified_gmt"), p->site,
                   what);
      return FALSE;
    }
  {
    g_autofree char *digest = site_digest (post);
    p->fatal = TRUE;
    if (!portada_wp_posts_store (p->newsroom, p->site, a->id, id, modified, sha, digest, error))
      return FALSE;
    p->fatal = FALSE;
  }
  /* A post made before is the article's own: updated, not created. */
  report (p, a, post_id ? PORTADA_WORDPRESS_UPDATED : PORTADA_WORDPRESS_CREATED, id, NULL);
  return TRUE;
}

static gboolean
push_article (Push *p, const PortadaArticle *a, GError **error)
{
  g_autofree char *sha = fingerprint (p, a);
  g_autofree char *why = NULL;
  g_autoptr (GError) local = NULL;
  PortadaWpPost m;
  PostState state = POST_AS_PUSHED;
  gint64 post_id;
  gboolean checked;

  if (!portada_wp_posts_load (p->newsroom, p->site, a->id, &m, error))
    return FALSE;
  post_id = m.post_id;
  if (post_id && g_strcmp0 (m.sent_sha256, sha) == 0)
    {
      portada_wp_post_clear (&m);
      report (p, a, PORTADA_WORDPRESS_UNCHANGED, post_id, NULL);
      return TRUE;
    }
  checked = post_id == 0 || check_post (p, a, &m, &state, &why, error);
  portada_wp_post_clear (&m);
  if (!checked)
    return FALSE;
  if (state != POST_AS_PUSHED && !p->options->overwrite_site_changes)
    {
      report (p, a, PORTADA_WORDPRESS_CONFLICT, post_id, why);
      return TRUE;
    }
  /* Overwriting a post deleted on the site means making it again. */
  if (state == POST_DELETED)
    {
      if (!portada_wp_posts_forget (p->newsroom, p->site, a->id, error))
        return FALSE;
      post_id = 0;
    }
  if (send_post (p, a, post_id, sha, &local))
    return TRUE;
  if (is_fatal (p, local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  report (p, a, PORTADA_WORDPRESS_FAILED, post_id, local->message);
  return TRUE;
}

/* ---- The push ----------------------------------------------------------------------- */

static gboolean
load_sections (Push *p, GError **error)
{
  g_autoptr (GPtrArray) list = portada_sections_list (p->newsroom, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      PortadaSection *s = list->pdata[i];
      g_hash_table_insert (p->sections, g_strdup (s->key), s);
    }
  g_ptr_array_set_free_func (list, NULL);
  return TRUE;
}

/* A user who may not write posts would be refused every article: say so once. */
static gboolean
check_user (Push *p, JsonObject *me, GError **error)
{
  JsonNode *caps = json_object_get_member (me, "capabilities");
  JsonNode *roles = json_object_get_member (me, "roles");
  g_autoptr (GString) names = g_string_new (NULL);

  if (caps && JSON_NODE_HOLDS_OBJECT (caps)
      && json_object_get_boolean_member_with_default (json_node_get_object (caps), "edit_posts",
                                                      FALSE))
    return TRUE;
  for (guint i = 0; roles && JSON_NODE_HOLDS_ARRAY (roles)
                    && i < json_array_get_length (json_node_get_array (roles));
       i++)
    g_string_append_printf (names, names->len ? ", %s" : "%s",
                            json_array_get_string_element (json_node_get_array (roles), i));
  g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_PERMISSION,
               _ ("%s: the user “%s” may not write posts on this site (role: %s); ask the site's "
                  "administrator for the Author, Editor or Administrator role"),
               p->site, p->user, names->len ? names->str : "?");
  return FALSE;
}

static gboolean
push_all (Push *p, GError **error)
{
  PortadaArticleQuery query = PORTADA_ARTICLE_QUERY_INIT;
  g_autoptr (GArray) ids = portada_articles_list_ids (p->newsroom, &query, error);
  g_autoptr (JsonObject) me = NULL;

  if (ids == NULL || !load_sections (p, error))
    return FALSE;
  me = portada_wp_client_connect (p->client, p->cancellable, error);
  if (me == NULL || !check_user (p, me, error) || !read_registered_meta (p, error))
    return FALSE;
  /* Oldest first: the site numbers its posts in the order they come. */
  for (guint i = ids->len; i-- > 0;)
    {
      g_autoptr (PortadaArticle) a
          = portada_articles_load (p->newsroom, g_array_index (ids, gint64, i), error);
      if (a == NULL || !push_article (p, a, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portada_publish_wordpress (PortadaNewsroom *newsroom, const PortadaDestination *destination,
                           const PortadaWordpressOptions *options, GCancellable *cancellable,
                           PortadaWordpressSummary *summary, GError **error)
{
  g_autofree char *url = NULL;
  const char *user;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;
  Push p = { 0 };

  g_return_val_if_fail (PORTADA_IS_NEWSROOM (newsroom), FALSE);
  g_return_val_if_fail (destination && destination->kind == PORTADA_DESTINATION_WORDPRESS, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  user = options->user ? options->user : destination->user;
  url = portada_destination_site_url (destination);
  if (user == NULL || *user == '\0')
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: the WordPress user is missing"), url);
      return FALSE;
    }
  if (options->password == NULL || *options->password == '\0')
    {
      g_set_error (error, PORTADA_ERROR, PORTADA_ERROR_INVALID,
                   _ ("%s: the application password of “%s” is missing"), url, user);
      return FALSE;
    }
  p.newsroom = newsroom;
  p.options = options;
  p.cancellable = cancellable;
  p.site = g_strdup (url);
  p.user = user;
  p.client = portada_wp_client_new (url, user, options->password);
  p.sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) portada_section_free);
  p.terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.meta = g_hash_table_new (g_str_hash, g_str_equal);
  ok = push_all (&p, error);
  p.summary.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (summary)
    *summary = p.summary;
  portada_wp_client_free (p.client);
  g_hash_table_unref (p.sections);
  g_hash_table_unref (p.terms);
  g_hash_table_unref (p.meta);
  g_free (p.site);
  return ok;
}
