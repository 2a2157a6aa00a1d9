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

static gboolean key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                                GdkModifierType state, PortadaMarkdownView *self);

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
  GtkEventController *keys;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 24);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 96);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 2);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), 2);
  gtk_source_view_set_auto_indent (GTK_SOURCE_VIEW (self), TRUE);
  gtk_source_view_set_smart_home_end (GTK_SOURCE_VIEW (self), GTK_SOURCE_SMART_HOME_END_BEFORE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "markdown-view");
  g_signal_connect (self, "map", G_CALLBACK (view_mapped_cb), NULL);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
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

/* The buffer's text with the offsets GtkTextBuffer counts. */
static char *
buffer_slice (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

static gsize
char_start (const char *text, gsize i)
{
  while (i > 0 && (text[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* Replaces only what changed, as one step of the undo history, and selects what the edit
 * says; the cursor stays in view. */
static void
apply_edit (PortadaMarkdownView *self, const char *old, PortadaMarkdownEdit *edit)
{
  GtkTextBuffer *buffer = buffer_of (self);
  gsize lo = strlen (old), ln = strlen (edit->text), i = 0, j = 0;
  GtkTextIter a, b;

  while (i < lo && i < ln && old[i] == edit->text[i])
    i++;
  i = char_start (old, i);
  while (j < lo - i && j < ln - i && old[lo - 1 - j] == edit->text[ln - 1 - j])
    j++;
  while (j > 0 && (old[lo - j] & 0xC0) == 0x80)
    j--;
  gtk_text_buffer_begin_user_action (buffer);
  if (i < lo - j || i < ln - j)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &a, g_utf8_pointer_to_offset (old, old + i));
      gtk_text_buffer_get_iter_at_offset (buffer, &b, g_utf8_pointer_to_offset (old, old + lo - j));
      gtk_text_buffer_delete (buffer, &a, &b);
      gtk_text_buffer_insert (buffer, &a, edit->text + i, (int) (ln - j - i));
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) edit->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) edit->end);
  gtk_text_buffer_select_range (buffer, &b, &a);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer));
}

typedef PortadaMarkdownEdit *(*EditFunc) (const char *text, glong start, glong end, gpointer data);

static void
run_edit (PortadaMarkdownView *self, EditFunc func, gpointer data)
{
  GtkTextBuffer *buffer = buffer_of (self);
  g_autofree char *text = buffer_slice (buffer);
  g_autoptr (PortadaMarkdownEdit) edit = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  edit = func (text, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end), data);
  if (edit)
    apply_edit (self, text, edit);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static PortadaMarkdownEdit *
inline_edit (const char *text, glong start, glong end, gpointer data)
{
  return portada_markdown_toggle_inline (text, start, end, GPOINTER_TO_INT (data));
}

void
portada_markdown_view_toggle_inline (PortadaMarkdownView *self, PortadaInlineStyle style)
{
  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  run_edit (self, inline_edit, GINT_TO_POINTER (style));
}

static PortadaMarkdownEdit *
block_edit (const char *text, glong start, glong end, gpointer data)
{
  return portada_markdown_toggle_block (text, start, end, GPOINTER_TO_INT (data));
}

void
portada_markdown_view_toggle_block (PortadaMarkdownView *self, PortadaBlockStyle style)
{
  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  run_edit (self, block_edit, GINT_TO_POINTER (style));
}

static PortadaMarkdownEdit *
heading_edit (const char *text, glong start, glong end, gpointer data)
{
  return portada_markdown_set_heading (text, start, end, GPOINTER_TO_INT (data));
}

void
portada_markdown_view_set_heading (PortadaMarkdownView *self, int level)
{
  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (level >= 0 && level <= 6);
  run_edit (self, heading_edit, GINT_TO_POINTER (level));
}

typedef struct
{
  const char *text;
  const char *url;
  gboolean image;
} Insertion;

static PortadaMarkdownEdit *
insertion_edit (const char *text, glong start, glong end, gpointer data)
{
  Insertion *what = data;

  if (what->image)
    return portada_markdown_insert_image (text, start, end, what->text, what->url);
  return portada_markdown_insert_link (text, start, end, what->text, what->url);
}

void
portada_markdown_view_insert_link (PortadaMarkdownView *self, const char *text, const char *url)
{
  Insertion what = { text, url, FALSE };

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (url != NULL);
  run_edit (self, insertion_edit, &what);
}

void
portada_markdown_view_insert_image (PortadaMarkdownView *self, const char *alt, const char *url)
{
  Insertion what = { alt, url, TRUE };

  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (url != NULL);
  run_edit (self, insertion_edit, &what);
}

/* Enter continues a list or a quote, and ends it on an empty item; Shift+Enter is a plain
 * new line. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, PortadaMarkdownView *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  g_autofree char *text = NULL;
  g_autoptr (PortadaMarkdownEdit) edit = NULL;
  GtkTextIter cursor;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
      || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self))
      || gtk_text_buffer_get_has_selection (buffer))
    return GDK_EVENT_PROPAGATE;
  text = buffer_slice (buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  edit = portada_markdown_newline (text, gtk_text_iter_get_offset (&cursor));
  if (edit == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_text_view_reset_im_context (GTK_TEXT_VIEW (self));
  apply_edit (self, text, edit);
  return GDK_EVENT_STOP;
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
