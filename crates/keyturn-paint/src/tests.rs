//! The painter against what egui's glow painter would show, through its public API.

use egui::epaint::{ImageDelta, Mesh, Primitive, Vertex};
use egui::{
    ClippedPrimitive, Color32, ColorImage, Rect, TextureId, TextureOptions, TextureWrapMode,
    TexturesDelta, pos2, vec2,
};

use crate::pixel::{Blend, pack};
use crate::{Canvas, Painter};

const CLEAR: Color32 = Color32::from_rgb(200, 200, 200);
const WHITE_TEX: TextureId = TextureId::Managed(0);

fn rgb(c: u32) -> [u8; 3] {
    [(c >> 16) as u8, (c >> 8) as u8, c as u8]
}

fn packed(c: Color32) -> u32 {
    pack(c.r(), c.g(), c.b())
}

fn image(size: [usize; 2], pixels: Vec<Color32>, options: TextureOptions) -> ImageDelta {
    ImageDelta::full(ColorImage::new(size, pixels), options)
}

/// A painter knowing a 1×1 white texture as `WHITE_TEX` (like the atlas' white texel).
fn painter() -> Painter {
    let mut painter = Painter::new();
    let white = image([1, 1], vec![Color32::WHITE], TextureOptions::LINEAR);
    painter.set_texture(WHITE_TEX, &white);
    painter
}

fn prim(clip_rect: Rect, mesh: Mesh) -> ClippedPrimitive {
    ClippedPrimitive {
        clip_rect,
        primitive: Primitive::Mesh(mesh),
    }
}

fn solid_rect(rect: Rect, color: Color32) -> Mesh {
    let mut mesh = Mesh::with_texture(WHITE_TEX);
    mesh.add_colored_rect(rect, color);
    mesh
}

fn render(
    painter: &mut Painter,
    (w, h): (usize, usize),
    primitives: &[ClippedPrimitive],
    delta: &mut TexturesDelta,
    pixels_per_point: f32,
) -> Vec<u32> {
    let mut pixels = vec![0xDEAD_BEEF; w * h];
    let mut canvas = Canvas::new(&mut pixels, w, h).unwrap();
    painter.paint(&mut canvas, CLEAR, primitives, delta, pixels_per_point);
    pixels
}

/// Asserts that exactly the pixels of `x0..x1 × y0..y1` hold `inside`, the rest `CLEAR`.
fn assert_rect(pixels: &[u32], w: usize, [x0, y0, x1, y1]: [usize; 4], inside: u32) {
    for (i, &p) in pixels.iter().enumerate() {
        let (x, y) = (i % w, i / w);
        let expected = if (x0..x1).contains(&x) && (y0..y1).contains(&y) {
            inside
        } else {
            packed(CLEAR)
        };
        assert_eq!(p, expected, "pixel ({x}, {y})");
    }
}

fn everything() -> Rect {
    Rect::EVERYTHING
}

#[test]
fn clear_fills_every_pixel() {
    let mut pixels = vec![0xDEAD_BEEF; 7 * 5 + 3];
    let mut canvas = Canvas::new(&mut pixels, 7, 5).unwrap();
    canvas.clear(Color32::from_rgb(10, 20, 30));
    assert!(pixels[..35].iter().all(|&p| p == 0x000A_141E));
    assert!(pixels[35..].iter().all(|&p| p == 0xDEAD_BEEF), "past w*h");
    assert!(Canvas::new(&mut pixels, 7, 6).is_none());
    assert!(Canvas::new(&mut pixels, usize::MAX, 2).is_none());
}

#[test]
fn opaque_rect_paints_exactly_its_pixels() {
    let red = Color32::from_rgb(255, 0, 0);
    let rect = Rect::from_min_max(pos2(3.0, 2.0), pos2(7.0, 5.0));
    let prims = [prim(everything(), solid_rect(rect, red))];
    let pixels = render(
        &mut painter(),
        (10, 8),
        &prims,
        &mut Default::default(),
        1.0,
    );
    assert_rect(&pixels, 10, [3, 2, 7, 5], packed(red));
}

#[test]
fn half_alpha_rect_blends_over_clear() {
    let color = Color32::from_rgba_premultiplied(100, 50, 0, 128);
    let rect = Rect::from_min_max(pos2(1.0, 1.0), pos2(4.0, 4.0));
    let prims = [prim(everything(), solid_rect(rect, color))];
    let pixels = render(&mut painter(), (5, 5), &prims, &mut Default::default(), 1.0);
    // 200 * (1 - 128/255) = 99.6
    let expected = [200.0_f32, 149.6, 99.6];
    let got = rgb(pixels[2 * 5 + 2]);
    for k in 0..3 {
        assert!((f32::from(got[k]) - expected[k]).abs() <= 1.0, "{got:?}");
    }
    assert_rect(&pixels, 5, [1, 1, 4, 4], pixels[2 * 5 + 2]);
}

/// Two triangles sharing an edge, in all windings and both diagonals: with a
/// semi-transparent colour every covered pixel must be blended exactly once.
#[test]
fn shared_edge_is_painted_once() {
    let color = Color32::from_rgba_premultiplied(0, 0, 100, 100);
    let once = Blend::new([0, 0, 100, 100]).over(packed(CLEAR));
    let quads: [[(f32, f32); 4]; 3] = [
        // Axis-aligned: the diagonal runs through pixel centres.
        [(0.0, 0.0), (16.0, 0.0), (16.0, 16.0), (0.0, 16.0)],
        // Half-pixel corners: edges run through pixel centres too.
        [(0.5, 0.5), (12.5, 0.5), (12.5, 9.5), (0.5, 9.5)],
        // A skewed convex quad.
        [(1.3, 0.7), (20.2, 2.1), (18.9, 15.4), (0.2, 13.3)],
    ];
    for corners in quads {
        for (diag, flip) in [(0, false), (1, false), (0, true), (1, true)] {
            let v = |i: usize| {
                let (x, y) = corners[i % 4];
                Vertex {
                    pos: pos2(x, y),
                    uv: egui::epaint::WHITE_UV,
                    color,
                }
            };
            let mut mesh = Mesh::with_texture(WHITE_TEX);
            mesh.vertices = (0..4).map(v).collect();
            let (a, b, c, d) = (diag, diag + 1, diag + 2, (diag + 3) % 4);
            mesh.indices = if flip {
                vec![a, c, b, a, d, c]
            } else {
                vec![a, b, c, a, c, d]
            };
            let prims = [prim(everything(), mesh)];
            let pixels = render(
                &mut painter(),
                (24, 20),
                &prims,
                &mut Default::default(),
                1.0,
            );
            for (y, row) in pixels.chunks(24).enumerate() {
                let painted: Vec<usize> = (0..24).filter(|&x| row[x] != packed(CLEAR)).collect();
                assert!(painted.iter().all(|&x| row[x] == once), "row {y}: {row:x?}");
                if let (Some(first), Some(last)) = (painted.first(), painted.last()) {
                    assert_eq!(last - first + 1, painted.len(), "hole in row {y}");
                }
            }
            if corners[0] == (0.0, 0.0) {
                assert_rect(&pixels, 24, [0, 0, 16, 16], once);
            }
            if corners[0] == (0.5, 0.5) {
                // Top-left rule: centres on the top and left edges are in, bottom/right out.
                assert_rect(&pixels, 24, [0, 0, 12, 9], once);
            }
        }
    }
}

#[test]
fn clip_rect_cuts_the_mesh() {
    let red = Color32::from_rgb(255, 0, 0);
    let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0));
    // Rounded to whole pixels as the glow painter's scissor: 2..6 × 3..7.
    let clip = Rect::from_min_max(pos2(2.4, 2.6), pos2(5.6, 7.4));
    let prims = [prim(clip, solid_rect(rect, red))];
    let pixels = render(
        &mut painter(),
        (10, 10),
        &prims,
        &mut Default::default(),
        1.0,
    );
    assert_rect(&pixels, 10, [2, 3, 6, 7], packed(red));
}

#[test]
fn pixels_per_point_scales_mesh_and_clip() {
    let red = Color32::from_rgb(255, 0, 0);
    let rect = Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 2.0));
    let prims = [prim(everything(), solid_rect(rect, red))];
    let pixels = render(&mut painter(), (8, 6), &prims, &mut Default::default(), 2.0);
    assert_rect(&pixels, 8, [2, 2, 6, 4], packed(red));

    let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 10.0));
    let prims = [prim(clip, solid_rect(rect, red))];
    let pixels = render(&mut painter(), (8, 6), &prims, &mut Default::default(), 2.0);
    assert_rect(&pixels, 8, [2, 2, 4, 4], packed(red));
}

fn textured_quad(id: TextureId, rect: Rect, color: Color32) -> Mesh {
    let mut mesh = Mesh::with_texture(id);
    let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
    mesh.add_rect_with_uv(rect, uv, color);
    mesh
}

#[test]
fn nearest_texture_lands_in_quadrants_and_is_tinted() {
    let (r, g, b, w) = (
        Color32::from_rgb(255, 0, 0),
        Color32::from_rgb(0, 255, 0),
        Color32::from_rgb(0, 0, 255),
        Color32::WHITE,
    );
    let id = TextureId::User(3);
    let mut delta = TexturesDelta::default();
    let tex = image([2, 2], vec![r, g, b, w], TextureOptions::NEAREST);
    delta.set.insert(id, vec![tex].into());
    let mut painter = painter();
    let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 8.0));
    let tint = Color32::from_rgb(128, 255, 64);
    for (color, expect) in [
        (Color32::WHITE, [r, g, b, w].map(packed)),
        (tint, [0x80_0000, 0x00_FF00, 0x00_0040, 0x80_FF40]),
    ] {
        let prims = [prim(everything(), textured_quad(id, rect, color))];
        let pixels = render(&mut painter, (8, 8), &prims, &mut delta.clone(), 1.0);
        for (i, &p) in pixels.iter().enumerate() {
            let quadrant = (i % 8) / 4 + 2 * ((i / 8) / 4);
            assert_eq!(p, expect[quadrant], "pixel {i}");
        }
    }
    delta.clear();
}

#[test]
fn linear_texture_interpolates_and_wraps() {
    let id = TextureId::User(4);
    let mut painter = painter();
    let tex = image(
        [2, 1],
        vec![Color32::BLACK, Color32::WHITE],
        TextureOptions::LINEAR,
    );
    painter.set_texture(id, &tex);
    // 2 texels over 8 pixels: a ramp from black (clamped) to white (clamped).
    let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 1.0));
    let prims = [prim(everything(), textured_quad(id, rect, Color32::WHITE))];
    let pixels = render(&mut painter, (8, 1), &prims, &mut Default::default(), 1.0);
    let red: Vec<u8> = pixels.iter().map(|&p| rgb(p)[0]).collect();
    assert_eq!(red[0], 0);
    assert_eq!(red[7], 255);
    assert!(red.windows(2).all(|w| w[0] <= w[1]), "{red:?}");
    assert!((100..=160).contains(&red[4]), "{red:?}");

    // Repeat: uv 0..2 shows the texture twice (nearest: 4 black/white bands).
    let options = TextureOptions {
        wrap_mode: TextureWrapMode::Repeat,
        ..TextureOptions::NEAREST
    };
    let tex = image([2, 1], vec![Color32::BLACK, Color32::WHITE], options);
    painter.set_texture(id, &tex);
    let mut mesh = Mesh::with_texture(id);
    let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 1.0));
    mesh.add_rect_with_uv(rect, uv, Color32::WHITE);
    let pixels = render(
        &mut painter,
        (8, 1),
        &[prim(everything(), mesh)],
        &mut Default::default(),
        1.0,
    );
    let red: Vec<u8> = pixels.iter().map(|&p| rgb(p)[0]).collect();
    assert_eq!(red, [0, 0, 255, 255, 0, 0, 255, 255]);
}

#[test]
fn partial_update_changes_only_its_region() {
    let id = TextureId::User(5);
    let (red, blue) = (Color32::from_rgb(255, 0, 0), Color32::from_rgb(0, 0, 255));
    let mut painter = painter();
    painter.set_texture(id, &image([4, 4], vec![red; 16], TextureOptions::NEAREST));
    let mut delta = TexturesDelta::default();
    let patch = ImageDelta::partial(
        [1, 2],
        ColorImage::new([2, 1], vec![blue; 2]),
        TextureOptions::NEAREST,
    );
    // A patch sticking out of the texture is cut, not a panic.
    let outside = ImageDelta::partial(
        [3, 3],
        ColorImage::new([3, 3], vec![blue; 9]),
        TextureOptions::NEAREST,
    );
    delta.set.insert(id, vec![patch].into());
    delta
        .set
        .insert(TextureId::User(99), vec![outside.clone()].into());
    painter.set_texture(
        TextureId::User(6),
        &image([4, 4], vec![red; 16], TextureOptions::NEAREST),
    );
    painter.set_texture(TextureId::User(6), &outside);
    let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0));
    let prims = [prim(everything(), textured_quad(id, rect, Color32::WHITE))];
    let pixels = render(&mut painter, (4, 4), &prims, &mut delta, 1.0);
    for (i, &p) in pixels.iter().enumerate() {
        let expected = if i == 2 * 4 + 1 || i == 2 * 4 + 2 {
            blue
        } else {
            red
        };
        assert_eq!(p, packed(expected), "texel {i}");
    }
}

#[test]
fn freed_texture_is_gone_after_the_frame() {
    let id = TextureId::User(7);
    let red = Color32::from_rgb(255, 0, 0);
    let mut painter = painter();
    let mut delta = TexturesDelta::default();
    delta.set.insert(
        id,
        vec![image([1, 1], vec![red], TextureOptions::NEAREST)].into(),
    );
    delta.free.insert(id);
    let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0));
    let prims = [prim(everything(), textured_quad(id, rect, Color32::WHITE))];
    // Set before paint, free after: this frame still shows it ...
    let pixels = render(&mut painter, (4, 4), &prims, &mut delta, 1.0);
    assert!(pixels.iter().all(|&p| p == packed(red)));
    // ... the next one does not.
    let pixels = render(&mut painter, (4, 4), &prims, &mut Default::default(), 1.0);
    assert!(pixels.iter().all(|&p| p == packed(CLEAR)));
}

#[test]
fn odd_input_neither_panics_nor_paints_outside() {
    let red = Color32::from_rgb(255, 0, 0);
    let v = |x: f32, y: f32| Vertex {
        pos: pos2(x, y),
        uv: pos2(0.0, 0.0),
        color: red,
    };
    let mut mesh = Mesh::with_texture(WHITE_TEX);
    mesh.vertices = vec![
        v(f32::NAN, 1.0),
        v(2.0, 2.0),
        v(5.0, 1.0),
        v(f32::INFINITY, 3.0),
        v(1e30, -1e30),
        v(-1e30, 1e30),
        v(3.0, 3.0),
        v(4.0, 4.0),
        v(f32::MAX, f32::MIN),
    ];
    mesh.indices = vec![
        0,
        1,
        2, // NaN
        3,
        1,
        2, // infinity
        1,
        6,
        7, // degenerate (collinear)
        1,
        1,
        1, // degenerate (a point)
        4,
        5,
        8, // huge
        1,
        2,
        100, // out of range
        u32::MAX,
        0,
        1, // out of range
        1,
        2, // not a whole triangle
    ];
    // Wild texture coordinates on a textured mesh.
    let id = TextureId::User(8);
    let mut painter = painter();
    let options = TextureOptions {
        wrap_mode: TextureWrapMode::MirroredRepeat,
        ..TextureOptions::LINEAR
    };
    painter.set_texture(id, &image([2, 2], vec![red; 4], options));
    painter.set_texture(TextureId::User(9), &image([0, 0], vec![], options));
    // A wrong pixel count is ignored.
    let wrong = ColorImage {
        size: [3, 3],
        source_size: vec2(3.0, 3.0),
        pixels: vec![red; 4],
    };
    painter.set_texture(TextureId::User(10), &ImageDelta::full(wrong, options));
    let mut wild = Mesh::with_texture(id);
    wild.vertices = vec![
        Vertex {
            pos: pos2(0.0, 0.0),
            uv: pos2(f32::NAN, 1e30),
            color: red,
        },
        Vertex {
            pos: pos2(9.0, 0.0),
            uv: pos2(-1e30, f32::INFINITY),
            color: Color32::WHITE,
        },
        Vertex {
            pos: pos2(0.0, 9.0),
            uv: pos2(1e9, -3.0),
            color: red,
        },
    ];
    wild.indices = vec![0, 1, 2];
    let mut empty = wild.clone();
    empty.texture_id = TextureId::User(9);
    let mut bad = wild.clone();
    bad.texture_id = TextureId::User(10);

    let (w, h) = (10, 8);
    for ppp in [1.0, 0.0, -1.0, f32::NAN, f32::INFINITY, 1e30, 1e-30] {
        for clip in [
            everything(),
            Rect::NOTHING,
            Rect::from_min_max(pos2(f32::NAN, 0.0), pos2(5.0, f32::NAN)),
            Rect::from_min_max(pos2(-1e30, -1e30), pos2(1e30, 1e30)),
            Rect::from_min_max(pos2(8.0, 8.0), pos2(2.0, 2.0)),
        ] {
            let prims = [
                prim(clip, mesh.clone()),
                prim(clip, wild.clone()),
                prim(clip, empty.clone()),
                prim(clip, bad.clone()),
                ClippedPrimitive {
                    clip_rect: clip,
                    primitive: Primitive::Mesh(Mesh::with_texture(TextureId::User(1234))),
                },
            ];
            let mut pixels = vec![0xDEAD_BEEF; w * h + 16];
            let mut canvas = Canvas::new(&mut pixels, w, h).unwrap();
            painter.paint(&mut canvas, CLEAR, &prims, &mut Default::default(), ppp);
            assert!(pixels[w * h..].iter().all(|&p| p == 0xDEAD_BEEF));
            assert!(pixels[..w * h].iter().all(|&p| p != 0xDEAD_BEEF));
        }
    }
    // A huge rectangle (clamped, not dropped) covers the whole canvas.
    let huge = Rect::from_min_max(pos2(-1e30, -1e30), pos2(1e30, 1e30));
    let prims = [prim(everything(), solid_rect(huge, red))];
    let pixels = render(&mut painter, (w, h), &prims, &mut Default::default(), 1.0);
    assert!(pixels.iter().all(|&p| p == packed(red)));
    // An empty canvas.
    let mut none: Vec<u32> = vec![];
    let mut canvas = Canvas::new(&mut none, 0, 0).unwrap();
    painter.paint(&mut canvas, CLEAR, &prims, &mut Default::default(), 1.0);
}

#[test]
fn egui_text_paints_inside_its_label() {
    let ctx = egui::Context::default();
    let (w, h) = (300, 120);
    let input = || egui::RawInput {
        screen_rect: Some(Rect::from_min_size(
            pos2(0.0, 0.0),
            vec2(w as f32, h as f32),
        )),
        ..Default::default()
    };
    let mut painter = Painter::new();
    let mut label_rect = Rect::NOTHING;
    let mut pixels = vec![0; w * h];
    for _ in 0..2 {
        let output = ctx.run_ui(input(), |ui| {
            ui.add_space(30.0);
            ui.horizontal(|ui| {
                ui.add_space(40.0);
                label_rect = ui.label("Hello, Keyturn!").rect;
            });
        });
        let prims = ctx.tessellate(output.shapes, output.pixels_per_point);
        let mut canvas = Canvas::new(&mut pixels, w, h).unwrap();
        let mut delta = output.textures_delta;
        painter.paint(&mut canvas, Color32::BLACK, &prims, &mut delta, 1.0);
    }
    assert!(
        label_rect.width() > 20.0 && label_rect.min.x >= 39.0,
        "{label_rect:?}"
    );
    let near = label_rect.expand(2.0);
    let mut inside = 0;
    for (i, &p) in pixels.iter().enumerate() {
        let centre = pos2((i % w) as f32 + 0.5, (i / w) as f32 + 0.5);
        if p != 0 {
            assert!(
                near.contains(centre),
                "painted at {centre:?}, label {label_rect:?}"
            );
            if label_rect.contains(centre) {
                inside += 1;
            }
        }
    }
    assert!(inside > 50, "only {inside} text pixels");
}
