//! Room that does not shrink back: a part of a form whose text changes as
//! the admin types (a rule's shortfall, the strength's warning) keeps the
//! height it has needed at this width, so what follows does not jump up
//! and down under the pointer. Kept in egui's memory by the part's place;
//! a wider or narrower window starts again from what it needs there.

use egui::{Id, Ui};

/// Draws `add`, then leaves blank whatever height it needed before at this
/// width (or `at_least`, a content height) and no longer does.
pub fn steady<R>(ui: &mut Ui, at_least: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let width = ui.available_width();
    let id: Id = ui.next_auto_id().with(("steady", (width / 40.0) as i32));
    let kept: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
    let top = ui.cursor().top();
    let inner = add(ui);
    let height = ui.cursor().top() - top;
    // What was measured runs to the next widget: the spacing after it too.
    let room = kept.max(at_least + ui.spacing().item_spacing.y);
    if height < room {
        ui.add_space(room - height);
    }
    // The room given is kept too: a row that was held open for what it
    // would say does not close when it says less.
    let taken = height.max(room);
    if taken > kept {
        ui.data_mut(|d| d.insert_temp(id, taken));
    }
    inner
}
