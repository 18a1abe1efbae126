//! The packaging files agree with each other and with the code: one
//! application id everywhere, every file the Debian package lists exists,
//! and the icon was rendered at every size the package installs.
//! (The validators themselves run in .ci/run on the installed package.)

use std::path::Path;
use std::process::Command;

use keyturn::vault::APP_ID;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn desktop_entry_uses_the_app_id() {
    let entry = read(&format!("packaging/linux/{APP_ID}.desktop"));
    assert!(entry.lines().any(|l| l == format!("Icon={APP_ID}")));
    assert!(
        entry
            .lines()
            .any(|l| l == format!("StartupWMClass={APP_ID}"))
    );
    assert!(entry.lines().any(|l| l == "Exec=keyturn"));
}

#[test]
fn metainfo_names_the_app_id_its_desktop_entry_and_binary() {
    let meta = read(&format!("packaging/linux/{APP_ID}.metainfo.xml"));
    assert!(meta.contains(&format!("<id>{APP_ID}</id>")));
    assert!(meta.contains(&format!(
        r#"<launchable type="desktop-id">{APP_ID}.desktop</launchable>"#
    )));
    assert!(meta.contains("<binary>keyturn</binary>"));
    assert!(meta.contains(&format!(
        r#"<release version="{}""#,
        env!("CARGO_PKG_VERSION")
    )));
}

#[test]
fn macos_bundle_uses_the_app_id() {
    let plist = read("packaging/macos/Info.plist");
    assert!(plist.contains(&format!(
        "<key>CFBundleIdentifier</key>\n  <string>{APP_ID}</string>"
    )));
}

/// The source paths of `[package.metadata.deb]` assets, one `["src", …]` a line.
fn deb_assets() -> Vec<String> {
    let manifest = read("Cargo.toml");
    let section = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has [package.metadata.deb]");
    section
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_file_the_package_lists_exists() {
    let assets = deb_assets();
    assert!(assets.len() > 10, "assets found: {assets:?}");
    for source in assets.iter().filter(|s| !s.starts_with("target/")) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(source);
        assert!(path.is_file(), "{source} is listed but missing");
    }
    for generated in [
        "target/release/keyturn",
        "target/release/packaging/man/*.1.gz",
        "target/release/packaging/man-zh_CN/*.1.gz",
        "target/release/packaging/completions/keyturn.bash",
        "target/release/packaging/completions/_keyturn",
        "target/release/packaging/completions/keyturn.fish",
    ] {
        assert!(assets.iter().any(|a| a == generated), "{generated} missing");
    }
}

#[test]
fn the_icon_is_rendered_and_installed_at_every_size() {
    let assets = deb_assets();
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let png = format!("assets/icon/png/keyturn-{size}.png");
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(&png)).unwrap();
        assert_eq!(&bytes[1..4], b"PNG", "{png}");
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        assert_eq!(width, size, "{png}");
        assert!(assets.contains(&png), "{png} is not in the package");
    }
}

#[test]
fn version_first_line_is_name_and_package_version() {
    for flag in ["--version", "-V"] {
        let out = Command::new(env!("CARGO_BIN_EXE_keyturn"))
            .arg(flag)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(concat!("keyturn ", env!("CARGO_PKG_VERSION")))
        );
    }
}
