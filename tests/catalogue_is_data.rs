//! Operations are catalogue data: the front ends (`ui/`, `cli/`), the
//! background jobs (`jobs/`) and the rotation protocol (`rotation/`) spell
//! no operation's id, API name, product or field wire name, and no provider's
//! time zone, so that a new operation needs no change there. (Their unit
//! tests may: they drive the code with real operations.)

use std::path::Path;

use keyturn::catalog::CATALOG;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            // Unit tests (at the foot of each file) name real operations
            // to drive the code with; the code itself must not.
            let code = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            out.push((path.display().to_string(), code));
        }
    }
}

#[test]
fn front_ends_jobs_and_rotation_spell_no_operation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["ui", "cli", "jobs", "rotation"] {
        sources(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "the sources were not found");
    let mut spelled = Vec::new();
    for op in CATALOG {
        let mut names: Vec<String> = vec![
            format!("\"{}\"", op.id),
            format!("\"{}\"", op.api),
            format!("\"{}\"", op.product),
        ];
        names.extend(op.fields.iter().map(|f| format!("\"{}\"", f.wire_name)));
        if let Some(expiry) = &op.old_password_expiry {
            names.push(format!("\"{}\"", expiry.zone_name));
        }
        for (file, text) in &files {
            for name in &names {
                if text.contains(name.as_str()) {
                    spelled.push(format!("{file}: {name} ({})", op.id));
                }
            }
        }
    }
    spelled.sort();
    spelled.dedup();
    assert!(
        spelled.is_empty(),
        "spelled outside the catalogue:\n{}",
        spelled.join("\n")
    );
}
