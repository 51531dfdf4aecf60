//! Colours: the 16 basic ANSI colours only (they follow the user's terminal
//! palette, so they read on light and dark backgrounds and in 16-colour
//! terminals), selection by reverse video, and no colour at all when
//! `NO_COLOR` is set.

use crate::app::views::Tone;
use crate::checks::Severity;
use ratatui::style::{Color, Modifier, Style};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// Deviation threshold (%) from the check config: at or above it is red.
    pub threshold: Decimal,
}

impl Theme {
    pub fn from_env(threshold: Decimal) -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            threshold,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn plain(&self) -> Style {
        Style::default()
    }
    pub fn bold(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            Style::default()
        }
    }
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow),
            Severity::Info => self.fg(Color::Cyan),
        }
    }

    pub fn error(&self) -> Style {
        self.severity(Severity::Error)
    }

    /// A marked cell (a flag points at it): underlined, so it shows
    /// without colour too.
    pub fn flagged(&self, s: Severity) -> Style {
        self.severity(s).add_modifier(Modifier::UNDERLINED)
    }

    pub fn tone(&self, t: Tone) -> Style {
        match t {
            Tone::Normal | Tone::Number => self.plain(),
            Tone::Blank | Tone::BlankAmount => self.dim(),
            Tone::Good => self.fg(Color::Green),
            Tone::Bad => self.fg(Color::Red),
            Tone::Deviation(p) => {
                if p >= self.threshold {
                    self.fg(Color::Red).add_modifier(Modifier::BOLD)
                } else if p * Decimal::TWO >= self.threshold {
                    self.fg(Color::Yellow)
                } else {
                    self.plain()
                }
            }
        }
    }
}
