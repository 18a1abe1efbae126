//! Which part of the window a frame changed, so that only that part is
//! painted again.
//!
//! egui repaints the whole window on every frame it runs; most frames
//! change a small part of it (a countdown's text once a second, the field
//! a key went into). This compares a frame's meshes with the last frame's,
//! one by one in painting order: where a mesh differs, the pixels under
//! both its old and its new shape are damaged. Anything that can change
//! every pixel (a new window size, a new scale, a new background colour, a
//! texture replaced whole) damages the whole window. The pixel buffer a
//! frame is painted into may still hold an older frame than the last one
//! (its *age*, as the window system says): then the damage of the frames
//! in between is added.

use std::collections::VecDeque;

use egui::epaint::{Primitive, Vertex};
use egui::{ClippedPrimitive, Color32, TexturesDelta};

/// A rectangle of pixels, `x0..x1` × `y0..y1`, within the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PixelRect {
    pub x0: u32,
    pub y0: u32,
    pub x1: u32,
    pub y1: u32,
}

impl PixelRect {
    /// The whole of a window `width` × `height`.
    pub fn whole(width: u32, height: u32) -> Self {
        PixelRect {
            x0: 0,
            y0: 0,
            x1: width,
            y1: height,
        }
    }

    fn union(self, other: PixelRect) -> PixelRect {
        PixelRect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }
}

/// What a frame must paint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// Nothing differs from what the buffer holds.
    Nothing,
    /// Only this part differs.
    Part(PixelRect),
    /// Every pixel.
    Whole,
}

/// How many frames of damage are kept for buffers older than the last
/// frame (a double-buffered window system hands out buffers of age 2).
const HISTORY: usize = 3;

/// The last frame, and the damage of the frames before.
#[derive(Default)]
pub struct Damage {
    last: Option<LastFrame>,
    /// Newest first: the region each recent frame changed.
    history: VecDeque<Region>,
}

/// What the last frame was painted from.
struct LastFrame {
    primitives: Vec<ClippedPrimitive>,
    pixels_per_point: f32,
    size: (u32, u32),
    clear: Color32,
}

impl Damage {
    /// What must be painted for this frame into a buffer of `age` frames
    /// (0: its contents are unknown; 1: it holds the last frame), and
    /// remembers the frame for the next.
    pub fn frame(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &TexturesDelta,
        pixels_per_point: f32,
        size: (u32, u32),
        clear: Color32,
        age: u8,
    ) -> Region {
        let changed = self.changed(primitives, textures, pixels_per_point, size, clear);
        // The frames the buffer missed since it was last shown.
        let missed = usize::from(age).saturating_sub(1);
        let region = if age == 0 || missed > self.history.len() {
            Region::Whole
        } else {
            self.history
                .iter()
                .take(missed)
                .fold(changed, |acc, earlier| acc.merge(*earlier))
        };
        self.history.push_front(changed);
        self.history.truncate(HISTORY);
        self.last = Some(LastFrame {
            primitives: primitives.to_vec(),
            pixels_per_point,
            size,
            clear,
        });
        region
    }

    /// The pixels this frame changed against the last one.
    fn changed(
        &self,
        primitives: &[ClippedPrimitive],
        textures: &TexturesDelta,
        pixels_per_point: f32,
        size: (u32, u32),
        clear: Color32,
    ) -> Region {
        let Some(last) = self.last.as_ref() else {
            return Region::Whole;
        };
        let replaced = textures
            .set
            .values()
            .any(|deltas| deltas.iter().any(|d| d.is_whole()));
        if last.size != size
            || last.pixels_per_point != pixels_per_point
            || last.clear != clear
            || replaced
        {
            return Region::Whole;
        }
        let bounds = |p: &ClippedPrimitive| bounds(p, pixels_per_point, size);
        let mut damage: Option<PixelRect> = None;
        let mut add = |rect: Option<PixelRect>| {
            if let Some(rect) = rect {
                damage = Some(damage.map_or(rect, |d| d.union(rect)));
            }
        };
        let count = primitives.len().max(last.primitives.len());
        for i in 0..count {
            match (primitives.get(i), last.primitives.get(i)) {
                (Some(new), Some(old)) => match changed_part(new, old) {
                    Changed::Nothing => {}
                    Changed::Part(area) => {
                        add(area_bounds(area, new.clip_rect, pixels_per_point, size));
                    }
                    Changed::All => {
                        add(bounds(new));
                        add(bounds(old));
                    }
                },
                (new, old) => {
                    add(new.and_then(bounds));
                    add(old.and_then(bounds));
                }
            }
        }
        damage.map_or(Region::Nothing, Region::Part)
    }
}

impl Region {
    /// What two frames' regions need together.
    fn merge(self, other: Region) -> Region {
        match (self, other) {
            (Region::Whole, _) | (_, Region::Whole) => Region::Whole,
            (Region::Nothing, r) | (r, Region::Nothing) => r,
            (Region::Part(a), Region::Part(b)) => Region::Part(a.union(b)),
        }
    }
}

/// How a mesh differs from the one painted in its place last frame.
enum Changed {
    Nothing,
    /// Only the triangles within this area (points) differ.
    Part(egui::Rect),
    /// Anything else: the whole of both.
    All,
}

/// Where two meshes in the same place differ. egui appends each shape's
/// vertices and triangles in order, so a changed label changes its own run
/// of vertices: those before it are equal, and those after it keep their
/// values, their indices shifted by the change in length. The triangles
/// that lie wholly in the equal runs, in the same order, paint the same
/// pixels; every other triangle, old or new, is in the changed area.
fn changed_part(new: &ClippedPrimitive, old: &ClippedPrimitive) -> Changed {
    let (Primitive::Mesh(a), Primitive::Mesh(b)) = (&new.primitive, &old.primitive) else {
        // Keyturn draws no callbacks; were one drawn, it is taken as changed.
        return Changed::All;
    };
    if new.clip_rect != old.clip_rect || a.texture_id != b.texture_id {
        return Changed::All;
    }
    if a.vertices == b.vertices && a.indices == b.indices {
        return Changed::Nothing;
    }
    let prefix = a
        .vertices
        .iter()
        .zip(&b.vertices)
        .take_while(|(x, y)| x == y)
        .count();
    let suffix = a.vertices[prefix..]
        .iter()
        .rev()
        .zip(b.vertices[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_len, b_len) = (a.vertices.len(), b.vertices.len());
    let in_prefix = |i: u32| usize::try_from(i).is_ok_and(|i| i < prefix);
    let in_suffix =
        |i: u32, len: usize| usize::try_from(i).is_ok_and(|i| i >= len - suffix && i < len);
    let head = a
        .indices
        .chunks_exact(3)
        .zip(b.indices.chunks_exact(3))
        .take_while(|(x, y)| x == y && x.iter().all(|&i| in_prefix(i)))
        .count();
    let tail = a
        .indices
        .chunks_exact(3)
        .rev()
        .zip(b.indices.chunks_exact(3).rev())
        .take_while(|(x, y)| {
            x.iter().all(|&i| in_suffix(i, a_len))
                && y.iter().all(|&i| in_suffix(i, b_len))
                && x.iter().zip(y.iter()).all(|(&i, &j)| {
                    (i as usize).wrapping_sub(a_len) == (j as usize).wrapping_sub(b_len)
                })
        })
        .count();
    let mut area = egui::Rect::NOTHING;
    for mesh in [a, b] {
        let triangles = mesh.indices.len() / 3;
        let middle = head..triangles.saturating_sub(tail).max(head);
        for triangle in mesh
            .indices
            .chunks_exact(3)
            .skip(middle.start)
            .take(middle.len())
        {
            for &i in triangle {
                match usize::try_from(i).ok().and_then(|i| mesh.vertices.get(i)) {
                    Some(v) => area.extend_with(v.pos),
                    None => return Changed::All,
                }
            }
        }
    }
    if area == egui::Rect::NOTHING {
        Changed::Nothing
    } else {
        Changed::Part(area)
    }
}

/// The pixels a primitive can touch: its vertices' bounds within its clip
/// rect and the window, widened by a pixel for rounding.
fn bounds(p: &ClippedPrimitive, pixels_per_point: f32, size: (u32, u32)) -> Option<PixelRect> {
    let Primitive::Mesh(mesh) = &p.primitive else {
        return Some(PixelRect::whole(size.0, size.1));
    };
    vertex_bounds(&mesh.vertices, p.clip_rect, pixels_per_point, size)
}

/// The pixels triangles over `vertices` can touch within `clip`.
fn vertex_bounds(
    vertices: &[Vertex],
    clip: egui::Rect,
    pixels_per_point: f32,
    size: (u32, u32),
) -> Option<PixelRect> {
    let mut area = egui::Rect::NOTHING;
    for v in vertices {
        area.extend_with(v.pos);
    }
    area_bounds(area, clip, pixels_per_point, size)
}

/// The pixels of `area` (points) within `clip` and the window, widened by
/// a pixel for rounding.
fn area_bounds(
    area: egui::Rect,
    clip: egui::Rect,
    pixels_per_point: f32,
    size: (u32, u32),
) -> Option<PixelRect> {
    let area = area.intersect(clip);
    if !(area.min.x <= area.max.x && area.min.y <= area.max.y) {
        return None;
    }
    let to_pixel = |v: f32, max: u32, round: fn(f32) -> f32| -> u32 {
        let v = round(v * pixels_per_point);
        if v.is_nan() {
            0
        } else {
            (v.max(0.0) as u32).min(max)
        }
    };
    let rect = PixelRect {
        x0: to_pixel(area.min.x, size.0, f32::floor).saturating_sub(1),
        y0: to_pixel(area.min.y, size.1, f32::floor).saturating_sub(1),
        x1: to_pixel(area.max.x, size.0, f32::ceil)
            .saturating_add(1)
            .min(size.0),
        y1: to_pixel(area.max.y, size.1, f32::ceil)
            .saturating_add(1)
            .min(size.1),
    };
    (!rect.is_empty()).then_some(rect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, Vertex};
    use egui::{Pos2, Rect, TextureId};

    const SIZE: (u32, u32) = (200, 100);

    fn quad(x: f32, y: f32, w: f32, h: f32, color: Color32) -> ClippedPrimitive {
        let mut mesh = Mesh::with_texture(TextureId::default());
        for (px, py) in [(x, y), (x + w, y), (x + w, y + h), (x, y + h)] {
            mesh.vertices.push(Vertex {
                pos: Pos2::new(px, py),
                uv: Pos2::ZERO,
                color,
            });
        }
        mesh.indices = vec![0, 1, 2, 0, 2, 3];
        ClippedPrimitive {
            clip_rect: Rect::from_min_size(Pos2::ZERO, egui::vec2(200.0, 100.0)),
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn frame(d: &mut Damage, primitives: &[ClippedPrimitive], age: u8) -> Region {
        d.frame(
            primitives,
            &TexturesDelta::default(),
            1.0,
            SIZE,
            Color32::BLACK,
            age,
        )
    }

    #[test]
    fn the_first_frame_and_an_unknown_buffer_are_painted_whole() {
        let mut d = Damage::default();
        let a = [quad(10.0, 10.0, 20.0, 20.0, Color32::RED)];
        assert_eq!(frame(&mut d, &a, 1), Region::Whole);
        assert_eq!(frame(&mut d, &a, 0), Region::Whole);
    }

    #[test]
    fn an_unchanged_frame_paints_nothing_and_a_changed_mesh_its_old_and_new_pixels() {
        let mut d = Damage::default();
        let a = [
            quad(0.0, 0.0, 50.0, 50.0, Color32::GRAY),
            quad(10.0, 10.0, 20.0, 20.0, Color32::RED),
        ];
        frame(&mut d, &a, 1);
        assert_eq!(frame(&mut d, &a, 1), Region::Nothing);
        let b = [
            quad(0.0, 0.0, 50.0, 50.0, Color32::GRAY),
            quad(100.0, 60.0, 10.0, 10.0, Color32::RED),
        ];
        assert_eq!(
            frame(&mut d, &b, 1),
            Region::Part(PixelRect {
                x0: 9,
                y0: 9,
                x1: 111,
                y1: 71
            })
        );
    }

    #[test]
    fn an_older_buffer_adds_the_frames_it_missed() {
        let mut d = Damage::default();
        let base = quad(0.0, 0.0, 5.0, 5.0, Color32::GRAY);
        frame(
            &mut d,
            &[base.clone(), quad(10.0, 10.0, 10.0, 10.0, Color32::RED)],
            1,
        );
        frame(
            &mut d,
            &[base.clone(), quad(10.0, 10.0, 10.0, 10.0, Color32::BLUE)],
            2,
        );
        // A buffer two frames old missed the blue square too.
        let region = frame(
            &mut d,
            &[base.clone(), quad(50.0, 50.0, 10.0, 10.0, Color32::RED)],
            2,
        );
        assert_eq!(
            region,
            Region::Part(PixelRect {
                x0: 9,
                y0: 9,
                x1: 61,
                y1: 61
            })
        );
        // One older than the history knows is painted whole.
        assert_eq!(frame(&mut d, &[base], 9), Region::Whole);
    }

    #[test]
    fn a_new_size_scale_background_or_whole_texture_repaints_everything() {
        let a = [quad(10.0, 10.0, 20.0, 20.0, Color32::RED)];
        let mut d = Damage::default();
        frame(&mut d, &a, 1);
        let none = TexturesDelta::default();
        assert_eq!(
            d.frame(&a, &none, 1.0, (300, 100), Color32::BLACK, 1),
            Region::Whole
        );
        assert_eq!(
            d.frame(&a, &none, 2.0, (300, 100), Color32::BLACK, 1),
            Region::Whole
        );
        assert_eq!(
            d.frame(&a, &none, 2.0, (300, 100), Color32::WHITE, 1),
            Region::Whole
        );
        let mut whole = TexturesDelta::default();
        whole.set.insert(
            TextureId::default(),
            [egui::epaint::ImageDelta::full(
                egui::ColorImage::filled([1, 1], Color32::WHITE),
                egui::TextureOptions::LINEAR,
            )]
            .into(),
        );
        assert_eq!(
            d.frame(&a, &whole, 2.0, (300, 100), Color32::WHITE, 1),
            Region::Whole
        );
        whole.clear();
        assert_eq!(
            d.frame(&a, &none, 2.0, (300, 100), Color32::WHITE, 1),
            Region::Nothing
        );
    }

    #[test]
    fn a_mesh_outside_its_clip_rect_damages_nothing() {
        let mut d = Damage::default();
        let mut hidden = quad(150.0, 50.0, 10.0, 10.0, Color32::RED);
        hidden.clip_rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(100.0, 100.0));
        frame(&mut d, &[], 1);
        assert_eq!(frame(&mut d, &[hidden], 1), Region::Nothing);
    }
}
