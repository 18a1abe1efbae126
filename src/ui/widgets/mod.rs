//! Small widgets shared by the panels. Each is a function that draws one
//! thing and returns a `Response` (or what the caller needs to know); any
//! state of their own lives in `ui.data_mut`, not in the panels.

pub mod block;
pub mod checklist;
pub mod confirm;
pub mod countdown;
pub mod datetime;
pub mod dialog_name;
pub mod focus;
pub mod named;
pub mod notice;
pub mod password;
pub mod shown_secret;
pub mod steady;
pub mod strength;
pub mod table;

pub use block::block_notice;
pub use checklist::rule_checklist;
pub use confirm::{Answer, ButtonRole, DialogAction, action_button, confirm_buttons};
pub use countdown::countdown;
pub use datetime::datetime_field;
pub use dialog_name::dialog_heading;
pub use focus::keep_focus_in_view;
pub use named::Named;
pub use notice::{Notice, notices_ui};
pub use password::{SecretText, password_field};
pub use shown_secret::ShownSecret;
pub use strength::strength_bar;
pub use table::Table;
