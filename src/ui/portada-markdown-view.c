/* portada-markdown-view.c
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "portada-markdown-view.h"

#define MIN_MARGIN 24

struct _PortadaMarkdownView
{
  GtkSourceView parent_instance;
  int last_margin;
};

G_DEFINE_FINAL_TYPE (PortadaMarkdownView, portada_markdown_view, GTK_SOURCE_TYPE_VIEW)

static GtkTextBuffer *
buffer_of (PortadaMarkdownView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static void
style_scheme_for_dark (GtkSourceBuffer *buffer, gboolean dark)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme
      = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");

  if (scheme)
    gtk_source_buffer_set_style_scheme (buffer, scheme);
}

static void
dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, GtkSourceBuffer *buffer)
{
  style_scheme_for_dark (buffer, adw_style_manager_get_dark (manager));
}

/* Loading the language definitions and style schemes (XML files, regular expressions)
 * takes a good part of a startup: the first buffers get their highlighting once the
 * window has drawn its first frame, later ones at once. */
static gboolean highlighting_ready;
static GPtrArray *waiting_buffers; /* weak pointers to buffers without highlighting yet */

static void
highlight (GtkSourceBuffer *buffer)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (languages, "markdown");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (markdown)
    gtk_source_buffer_set_language (buffer, markdown);
  style_scheme_for_dark (buffer, adw_style_manager_get_dark (style));
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (dark_changed_cb), buffer, 0);
}

static gboolean
highlight_waiting_cb (gpointer user_data)
{
  g_autoptr (GPtrArray) buffers = g_steal_pointer (&waiting_buffers);

  highlighting_ready = TRUE;
  for (guint i = 0; buffers && i < buffers->len; i++)
    {
      GWeakRef *ref = g_ptr_array_index (buffers, i);
      g_autoptr (GtkSourceBuffer) buffer = g_weak_ref_get (ref);
      if (buffer)
        highlight (buffer);
      g_weak_ref_clear (ref);
      g_free (ref);
    }
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock, PortadaMarkdownView *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  if (!highlighting_ready)
    g_idle_add (highlight_waiting_cb, NULL);
}

static void
view_mapped_cb (PortadaMarkdownView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!highlighting_ready && clock)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), self, 0);
}

/* Keeps the text in a readable column centred in whatever width the view gets. */
static void
portada_markdown_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PortadaMarkdownView *self = PORTADA_MARKDOWN_VIEW (widget);
  int margin = MAX (MIN_MARGIN, (width - PORTADA_MARKDOWN_VIEW_MAX_WIDTH) / 2);

  if (margin != self->last_margin)
    {
      self->last_margin = margin;
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), margin);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), margin);
    }
  GTK_WIDGET_CLASS (portada_markdown_view_parent_class)
      ->size_allocate (widget, width, height, baseline);
}

/* The buffer is set once GtkSourceView has finished constructing itself. */
static void
portada_markdown_view_constructed (GObject *object)
{
  g_autoptr (GtkSourceBuffer) buffer = portada_markdown_buffer_new ();

  G_OBJECT_CLASS (portada_markdown_view_parent_class)->constructed (object);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (object), GTK_TEXT_BUFFER (buffer));
}

static void
portada_markdown_view_class_init (PortadaMarkdownViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = portada_markdown_view_constructed;
  widget_class->size_allocate = portada_markdown_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
portada_markdown_view_init (PortadaMarkdownView *self)
{
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 24);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 96);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 2);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), 2);
  gtk_source_view_set_auto_indent (GTK_SOURCE_VIEW (self), TRUE);
  gtk_source_view_set_smart_home_end (GTK_SOURCE_VIEW (self), GTK_SOURCE_SMART_HOME_END_BEFORE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "markdown-view");
  g_signal_connect (self, "map", G_CALLBACK (view_mapped_cb), NULL);
  self->last_margin = -1;
}

GtkWidget *
portada_markdown_view_new (void)
{
  return g_object_new (PORTADA_TYPE_MARKDOWN_VIEW, NULL);
}

GtkSourceBuffer *
portada_markdown_buffer_new (void)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);

  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  if (highlighting_ready)
    highlight (buffer);
  else
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, buffer);
      if (waiting_buffers == NULL)
        waiting_buffers = g_ptr_array_new ();
      g_ptr_array_add (waiting_buffers, ref);
    }
  return buffer;
}

static gboolean
text_before_is (GtkTextIter *iter, const char *text)
{
  GtkTextIter start = *iter;
  g_autofree char *got = NULL;
  glong n = g_utf8_strlen (text, -1);

  if (!gtk_text_iter_backward_chars (&start, n))
    return FALSE;
  got = gtk_text_iter_get_text (&start, iter);
  return strcmp (got, text) == 0;
}

static gboolean
text_after_is (GtkTextIter *iter, const char *text)
{
  GtkTextIter end = *iter;
  g_autofree char *got = NULL;

  gtk_text_iter_forward_chars (&end, g_utf8_strlen (text, -1));
  got = gtk_text_iter_get_text (iter, &end);
  return strcmp (got, text) == 0;
}

static void
select_range_offsets (GtkTextBuffer *buffer, int start, int end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

static void
remove_around (GtkTextBuffer *buffer, int start, int end, int nb, int na)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, end);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end + na);
  gtk_text_buffer_delete (buffer, &a, &b);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start - nb);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, start);
  gtk_text_buffer_delete (buffer, &a, &b);
  select_range_offsets (buffer, start - nb, end - nb);
}

void
portada_markdown_view_toggle_inline (PortadaMarkdownView *self, const char *before,
                                     const char *after, const char *placeholder)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int s, e, nb = g_utf8_strlen (before, -1), na = g_utf8_strlen (after, -1);

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  buffer = buffer_of (self);
  gtk_text_buffer_begin_user_action (buffer);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      s = gtk_text_iter_get_offset (&start);
      e = gtk_text_iter_get_offset (&end);
      if (text_before_is (&start, before) && text_after_is (&end, after))
        remove_around (buffer, s, e, nb, na);
      else
        {
          gtk_text_buffer_insert (buffer, &end, after, -1);
          gtk_text_buffer_get_iter_at_offset (buffer, &start, s);
          gtk_text_buffer_insert (buffer, &start, before, -1);
          select_range_offsets (buffer, s + nb, e + nb);
        }
    }
  else
    {
      g_autofree char *text = g_strconcat (before, placeholder, after, NULL);
      s = gtk_text_iter_get_offset (&start);
      gtk_text_buffer_insert (buffer, &start, text, -1);
      select_range_offsets (buffer, s + nb, s + nb + g_utf8_strlen (placeholder, -1));
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The lines the selection (or the cursor) touches. */
static void
selected_lines (GtkTextBuffer *buffer, int *first, int *last)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  *first = gtk_text_iter_get_line (&start);
  *last = gtk_text_iter_get_line (&end);
  /* A selection ending at the start of a line does not include that line. */
  if (*last > *first && gtk_text_iter_starts_line (&end))
    (*last)--;
}

static char *
line_text (GtkTextBuffer *buffer, int line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_text (&start, &end);
}

static void
delete_line_start (GtkTextBuffer *buffer, int line, int n_chars)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  gtk_text_iter_forward_chars (&end, n_chars);
  gtk_text_buffer_delete (buffer, &start, &end);
}

static void
insert_line_start (GtkTextBuffer *buffer, int line, const char *text)
{
  GtkTextIter start;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  gtk_text_buffer_insert (buffer, &start, text, -1);
}

/* Length of a heading mark ("## ") at the start of @text, 0 when none. */
static int
heading_mark_length (const char *text)
{
  int n = 0;

  while (text[n] == '#' && n < 6)
    n++;
  if (n == 0 || (text[n] != ' ' && text[n] != '\0'))
    return 0;
  return text[n] == ' ' ? n + 1 : n;
}

void
portada_markdown_view_set_heading (PortadaMarkdownView *self, int level)
{
  GtkTextBuffer *buffer;
  int first, last;

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (level >= 0 && level <= 6);
  buffer = buffer_of (self);
  selected_lines (buffer, &first, &last);
  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      g_autofree char *text = line_text (buffer, line);
      int mark = heading_mark_length (text);
      gboolean same = mark > 0 && (mark == level + 1 || (mark == level && text[mark] == '\0'));

      if (mark)
        delete_line_start (buffer, line, mark);
      if (level > 0 && !same)
        {
          g_autofree char *hashes = g_strnfill (level, '#');
          g_autofree char *prefix = g_strconcat (hashes, " ", NULL);
          insert_line_start (buffer, line, prefix);
        }
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Length of a numbered-list mark ("12. ") at the start of @text, 0 when none. */
static int
number_mark_length (const char *text)
{
  int n = 0;

  while (g_ascii_isdigit (text[n]))
    n++;
  if (n == 0 || text[n] != '.' || text[n + 1] != ' ')
    return 0;
  return n + 2;
}

static int
prefix_length (const char *text, const char *prefix, gboolean numbered)
{
  if (numbered)
    return number_mark_length (text);
  return g_str_has_prefix (text, prefix) ? (int) g_utf8_strlen (prefix, -1) : 0;
}

void
portada_markdown_view_toggle_line_prefix (PortadaMarkdownView *self, const char *prefix)
{
  GtkTextBuffer *buffer;
  gboolean numbered, all = TRUE;
  int first, last, n = 1;

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  buffer = buffer_of (self);
  numbered = strcmp (prefix, "1. ") == 0;
  selected_lines (buffer, &first, &last);
  for (int line = first; line <= last && all; line++)
    {
      g_autofree char *text = line_text (buffer, line);
      all = *text == '\0' || prefix_length (text, prefix, numbered) > 0;
    }
  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      g_autofree char *text = line_text (buffer, line);
      int have = prefix_length (text, prefix, numbered);

      if (all)
        delete_line_start (buffer, line, have);
      else if (*text != '\0' || first == last)
        {
          g_autofree char *mark = numbered ? g_strdup_printf ("%d. ", n++) : g_strdup (prefix);
          if (have)
            delete_line_start (buffer, line, have);
          insert_line_start (buffer, line, mark);
        }
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Square brackets and parentheses would end the link early. */
static char *
escape_link_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static char *
escape_link_url (const char *url)
{
  GString *out = g_string_new (NULL);

  for (const char *p = url; *p; p++)
    if (*p == ' ')
      g_string_append (out, "%20");
    else if (*p == '(' || *p == ')')
      g_string_append_printf (out, "%%%02X", (guchar) *p);
    else if (*p != '\n' && *p != '\r')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

void
portada_markdown_view_insert_link (PortadaMarkdownView *self, const char *text, const char *url)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *t = NULL;
  g_autofree char *u = NULL;
  g_autofree char *link = NULL;

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (url != NULL);
  buffer = buffer_of (self);
  t = escape_link_text (text && *text ? text : url);
  u = escape_link_url (url);
  link = g_strdup_printf ("[%s](%s)", t, u);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, link, -1);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
portada_markdown_view_insert_image (PortadaMarkdownView *self, const char *alt, const char *url)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autofree char *a = NULL;
  g_autofree char *u = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  buffer = buffer_of (self);
  a = escape_link_text (alt ? alt : "");
  u = escape_link_url (url);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  text = g_strdup_printf ("%s![%s](%s)\n\n", gtk_text_iter_starts_line (&iter) ? "" : "\n\n", a, u);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

char *
portada_markdown_view_get_selected_text (PortadaMarkdownView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (PORTADA_IS_MARKDOWN_VIEW (self), NULL);
  if (!gtk_text_buffer_get_selection_bounds (buffer_of (self), &start, &end))
    return NULL;
  return gtk_text_iter_get_text (&start, &end);
}

int
portada_markdown_view_get_cursor (PortadaMarkdownView *self)
{
  GtkTextIter iter;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (PORTADA_IS_MARKDOWN_VIEW (self), 0);
  buffer = buffer_of (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
portada_markdown_view_place_cursor (PortadaMarkdownView *self, int offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  buffer = buffer_of (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, MAX (offset, 0));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer), 0.1,
                                TRUE, 0.0, 0.3);
}
