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
  /* An empty pair of markers ("**|**") waiting for what is typed next: taken away if the
   * cursor leaves it empty, so no stray markers stay in the text. */
  GtkTextBuffer *pair_buffer;
  GtkTextMark *pair_mark; /* before the pair */
  char *pair_text;
  gulong pair_handler;
  guint pair_idle;
};

G_DEFINE_FINAL_TYPE (PortadaMarkdownView, portada_markdown_view, GTK_SOURCE_TYPE_VIEW)

static void forget_pair (PortadaMarkdownView *self);
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
portada_markdown_view_dispose (GObject *object)
{
  forget_pair (PORTADA_MARKDOWN_VIEW (object));
  G_OBJECT_CLASS (portada_markdown_view_parent_class)->dispose (object);
}

/* Ctrl+Home shows the very top of what scrolls with the text, as gnome-text-editor
 * does: the view's top margin too, not only the first line. */
static void
portada_markdown_view_move_cursor (GtkTextView *view, GtkMovementStep step, int count,
                                   gboolean extend)
{
  GtkScrollable *scrollable = GTK_SCROLLABLE (view);
  GtkAdjustment *vadjustment;

  GTK_TEXT_VIEW_CLASS (portada_markdown_view_parent_class)->move_cursor (view, step, count, extend);
  vadjustment = gtk_scrollable_get_vadjustment (scrollable);
  if (step == GTK_MOVEMENT_BUFFER_ENDS && count < 0 && vadjustment)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
portada_markdown_view_class_init (PortadaMarkdownViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GTK_TEXT_VIEW_CLASS (klass)->move_cursor = portada_markdown_view_move_cursor;

  G_OBJECT_CLASS (klass)->constructed = portada_markdown_view_constructed;
  G_OBJECT_CLASS (klass)->dispose = portada_markdown_view_dispose;
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
  /* The focus back first (a toolbar button had it): taking it back after the edit
   * would leave the text without the selection the edit made. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (edit)
    apply_edit (self, text, edit);
}

static PortadaMarkdownEdit *
inline_edit (const char *text, glong start, glong end, gpointer data)
{
  return portada_markdown_toggle_inline (text, start, end, GPOINTER_TO_INT (data));
}

static void
forget_pair (PortadaMarkdownView *self)
{
  g_clear_handle_id (&self->pair_idle, g_source_remove);
  if (self->pair_buffer)
    {
      g_clear_signal_handler (&self->pair_handler, self->pair_buffer);
      gtk_text_buffer_delete_mark (self->pair_buffer, self->pair_mark);
      self->pair_mark = NULL;
      g_clear_object (&self->pair_buffer);
    }
  g_clear_pointer (&self->pair_text, g_free);
}

/* After the cursor moved or the text changed: the pair goes if the cursor left it empty;
 * it is forgotten once something is typed into it. */
static gboolean
check_pair_cb (gpointer user_data)
{
  PortadaMarkdownView *self = user_data;
  GtkTextBuffer *buffer = self->pair_buffer;
  glong n = g_utf8_strlen (self->pair_text, -1);
  GtkTextIter start, end, cursor;
  g_autofree char *text = NULL;

  self->pair_idle = 0;
  if (buffer != buffer_of (self))
    {
      forget_pair (self);
      return G_SOURCE_REMOVE;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->pair_mark);
  end = start;
  gtk_text_iter_forward_chars (&end, n);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  text = gtk_text_iter_get_slice (&start, &end);
  if (strcmp (text, self->pair_text) != 0)
    forget_pair (self);
  else if (gtk_text_iter_get_offset (&cursor) != gtk_text_iter_get_offset (&start) + n / 2
           || gtk_text_buffer_get_has_selection (buffer))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_end_user_action (buffer);
      forget_pair (self);
    }
  return G_SOURCE_REMOVE;
}

static void
pair_moved_cb (GtkTextBuffer *buffer, const GtkTextIter *location, GtkTextMark *mark,
               PortadaMarkdownView *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer) && self->pair_idle == 0)
    self->pair_idle = g_idle_add (check_pair_cb, self);
}

/* Remembers the empty pair around the cursor, when the command left one. */
static void
watch_pair (PortadaMarkdownView *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter cursor, start, end;
  g_autofree char *text = NULL;
  int k;

  forget_pair (self);
  if (gtk_text_buffer_get_has_selection (buffer))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  for (k = 2; k >= 1; k--)
    {
      start = end = cursor;
      /* (Moving to the end of the text counts as not moving for forward_chars.) */
      gtk_text_iter_backward_chars (&start, k);
      gtk_text_iter_forward_chars (&end, k);
      if (gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) != 2 * k)
        continue;
      text = gtk_text_iter_get_slice (&start, &end);
      if (strchr ("*_~`", text[0])
          && strspn (text, (const char[]){ text[0], '\0' }) == (gsize) 2 * k)
        break;
      g_clear_pointer (&text, g_free);
    }
  if (text == NULL)
    return;
  self->pair_buffer = g_object_ref (buffer);
  self->pair_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  self->pair_text = g_steal_pointer (&text);
  self->pair_handler = g_signal_connect (buffer, "mark-set", G_CALLBACK (pair_moved_cb), self);
}

void
portada_markdown_view_toggle_inline (PortadaMarkdownView *self, PortadaInlineStyle style)
{
  g_return_if_fail (PORTADA_IS_MARKDOWN_VIEW (self));
  run_edit (self, inline_edit, GINT_TO_POINTER (style));
  watch_pair (self);
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
