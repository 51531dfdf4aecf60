//! The terminal layer: sets the terminal up (raw mode, alternate screen,
//! bracketed paste), turns crossterm events into [`Key`]s for the app,
//! draws, and puts the terminal back on quit, on error and on panic.

pub mod draw;
pub mod review_draw;
pub mod theme;

use crate::app::App;
use crate::keymap::{Key, KeyCode};
use base64::Engine;
use crossterm::event::{self, Event, KeyEventKind, KeyModifiers};
use std::io::Write;
use std::time::Duration;

/// Converts a crossterm key event; None for keys fuhe has no name for.
pub fn key_from(ev: &event::KeyEvent) -> Option<Key> {
    let code = match ev.code {
        event::KeyCode::Char(c) => KeyCode::Char(c),
        event::KeyCode::Enter => KeyCode::Enter,
        event::KeyCode::Esc => KeyCode::Esc,
        event::KeyCode::Tab => KeyCode::Tab,
        event::KeyCode::BackTab => KeyCode::BackTab,
        event::KeyCode::Backspace => KeyCode::Backspace,
        event::KeyCode::Delete => KeyCode::Delete,
        event::KeyCode::Up => KeyCode::Up,
        event::KeyCode::Down => KeyCode::Down,
        event::KeyCode::Left => KeyCode::Left,
        event::KeyCode::Right => KeyCode::Right,
        event::KeyCode::PageUp => KeyCode::PageUp,
        event::KeyCode::PageDown => KeyCode::PageDown,
        event::KeyCode::Home => KeyCode::Home,
        event::KeyCode::End => KeyCode::End,
        event::KeyCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let code = match code {
        // ctrl-D arrives as 'D' on some terminals.
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        c => c,
    };
    Some(Key {
        code,
        ctrl,
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

/// OSC 52: the terminal puts the text on the user's own clipboard, which
/// works over SSH and in tmux (with `set-clipboard on`).
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

/// Runs the interface until the user quits.
pub fn run(mut app: App) -> std::io::Result<()> {
    let theme = theme::Theme::from_env(app.config.deviation_pct);
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    app.start_checks();
    let result = event_loop(&mut terminal, &mut app, &theme);
    let _ = crossterm::execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, theme: &theme::Theme) -> std::io::Result<()> {
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| draw::draw(f, app, theme))?;
            dirty = false;
        }
        if let Some(text) = app.clipboard.take() {
            let mut out = std::io::stdout();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
        }
        if event::poll(Duration::from_millis(if app.checking() { 30 } else { 250 }))? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    if let Some(key) = key_from(&k) {
                        // Keys that would act unseen on a screen too small
                        // to draw are dropped; quitting still works.
                        let size = terminal.size()?;
                        let quit = matches!(key.code, crate::keymap::KeyCode::Char('q')) && !key.ctrl && !key.alt
                            || key == crate::keymap::Key::ctrl('c');
                        if !draw::fits(size.width, size.height) && !quit {
                            continue;
                        }
                        // A key clears the last message.
                        app.message = None;
                        app.handle_key(key);
                        dirty = true;
                    }
                }
                Event::Paste(s) => {
                    app.paste(&s);
                    dirty = true;
                }
                Event::Resize(..) => {
                    terminal.autoresize()?;
                    dirty = true;
                }
                _ => {}
            }
        }
        dirty |= app.poll();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_encodes_utf8() {
        assert_eq!(osc52("5月19#"), "\x1b]52;c;NeaciDE5Iw==\x07");
    }

    #[test]
    fn keys_convert() {
        let ev = event::KeyEvent::new(event::KeyCode::Char('D'), KeyModifiers::CONTROL);
        assert_eq!(key_from(&ev), Some(Key::ctrl('d')));
        let ev = event::KeyEvent::new(event::KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_from(&ev), Some(Key::ch('G')));
    }
}
