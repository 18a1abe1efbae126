//! A table a screen reader reads as a table: a `Table` node named by the
//! caller, a `Row` per row, a `ColumnHeader` or `Cell` per cell, each cell
//! named by its text. Columns have fixed widths (nothing moves under the
//! pointer as rows change), a cell clips what does not fit (its full text
//! is the caller's hover), and the table scrolls sideways when the window
//! is narrower than its columns. Rows are striped; the selected one is
//! highlighted. Nothing in a row is focusable but what the caller adds
//! (a button, say): a screen reader walks the cells, the keyboard the
//! buttons.

use egui::accesskit::Role;
use egui::{self, Align, Layout, Rect, Sense, Ui, UiBuilder, Vec2};

/// A table's columns and look.
pub struct Table<'a> {
    id_salt: &'a str,
    name: &'a str,
    widths: &'a [f32],
    row_height: f32,
}

/// One row being filled, cell by cell.
pub struct Row<'u> {
    ui: &'u mut Ui,
    widths: &'u [f32],
    height: f32,
    column: usize,
    role: Role,
}

/// The rows under the header.
pub struct Body<'u> {
    ui: &'u mut Ui,
    widths: &'u [f32],
    height: f32,
    index: usize,
}

const CELL_GAP: f32 = 8.0;

impl<'a> Table<'a> {
    /// A table named `name` for screen readers, with one column per width.
    pub fn new(id_salt: &'a str, name: &'a str, widths: &'a [f32]) -> Self {
        Table {
            id_salt,
            name,
            widths,
            row_height: 22.0,
        }
    }

    pub fn show(
        self,
        ui: &mut Ui,
        header: impl FnOnce(&mut Row<'_>),
        body: impl FnOnce(&mut Body<'_>),
    ) {
        let Table {
            id_salt,
            name,
            widths,
            row_height,
        } = self;
        ui.scope(|ui| {
            // A solid bar, shown whenever the columns are wider than the view:
            // a thin one that appears only on hover hides that there is more.
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            egui::ScrollArea::horizontal()
                .id_salt((id_salt, "scroll"))
                .show(ui, |ui| {
                    let table = ui.scope_builder(
                        UiBuilder::new()
                            .id_salt(id_salt)
                            .accessibility_role(Role::Table)
                            .accessibility_label(name),
                        |ui| {
                            ui.spacing_mut().item_spacing.y = 0.0;
                            row_ui(ui, widths, row_height, 0, false, Role::ColumnHeader, header);
                            let mut rows = Body {
                                ui,
                                widths,
                                height: row_height,
                                index: 0,
                            };
                            body(&mut rows);
                            ui.unique_id()
                        },
                    );
                    set_bounds(ui, table.inner, table.response.rect);
                });
        });
    }
}

impl Body<'_> {
    /// Adds a row; `selected` highlights it. Returns whether the pointer
    /// clicked the row outside its own widgets (the row is not a stop of
    /// the keyboard: a button in it is).
    pub fn row(&mut self, selected: bool, add: impl FnOnce(&mut Row<'_>)) -> bool {
        self.index += 1;
        row_ui(
            self.ui,
            self.widths,
            self.height,
            self.index,
            selected,
            Role::Cell,
            add,
        )
    }
}

impl Row<'_> {
    /// The next cell, named `name` for screen readers (its text, or what it
    /// holds in words), drawn by `add`.
    pub fn cell<R>(&mut self, name: &str, add: impl FnOnce(&mut Ui) -> R) -> Option<R> {
        let width = *self.widths.get(self.column)?;
        self.column += 1;
        let size = Vec2::new(width, self.height);
        let rect = Rect::from_min_size(self.ui.cursor().min, size);
        let inner = self.ui.scope_builder(
            UiBuilder::new()
                .id_salt(("cell", self.column))
                .max_rect(rect)
                .layout(Layout::left_to_right(Align::Center))
                .accessibility_role(self.role)
                .accessibility_label(name),
            |ui| {
                ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                ui.set_min_size(size);
                set_bounds(ui, ui.unique_id(), rect);
                add(ui)
            },
        );
        self.ui.add_space(CELL_GAP);
        Some(inner.inner)
    }
}

fn row_ui(
    ui: &mut Ui,
    widths: &[f32],
    height: f32,
    index: usize,
    selected: bool,
    role: Role,
    add: impl FnOnce(&mut Row<'_>),
) -> bool {
    let total = widths.iter().sum::<f32>() + CELL_GAP * widths.len() as f32;
    let rect = Rect::from_min_size(ui.cursor().min, Vec2::new(total, height));
    if selected {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().selection.bg_fill);
    } else if index.is_multiple_of(2) && index > 0 {
        ui.painter()
            .rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    }
    ui.scope_builder(
        UiBuilder::new()
            .id_salt(("row", index))
            .max_rect(rect)
            .layout(Layout::left_to_right(Align::Center))
            .sense(Sense::CLICK)
            .accessibility_role(Role::Row),
        |ui| {
            ui.set_min_size(rect.size());
            set_bounds(ui, ui.unique_id(), rect);
            ui.spacing_mut().item_spacing.x = 0.0;
            let mut row = Row {
                ui,
                widths,
                height,
                column: 0,
                role,
            };
            add(&mut row);
        },
    )
    .response
    .clicked()
}

/// Where a table, row or cell is, for a screen reader to point at (egui
/// gives bounds to widgets, not to the `Ui`s they sit in).
fn set_bounds(ui: &Ui, id: egui::Id, rect: Rect) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}
