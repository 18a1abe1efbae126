//! Build script. It does something only when building keyturn.exe on
//! Windows: it embeds the app icon and the version information (from
//! Cargo.toml) into the executable, with `winresource`, which is a build
//! dependency on Windows hosts only. On every other platform it does nothing,
//! so Linux and macOS builds have no extra dependency or step.
//! See packaging/README.md.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows::embed_resources();
    }
}

#[cfg(windows)]
mod windows {
    const ICON: &str = "packaging/windows/keyturn.ico";

    pub fn embed_resources() {
        println!("cargo:rerun-if-changed={ICON}");
        let mut res = winresource::WindowsResource::new();
        res.set_icon(ICON)
            .set("ProductName", "Keyturn")
            .set("FileDescription", "Keyturn")
            .set("InternalName", "keyturn")
            .set("OriginalFilename", "keyturn.exe")
            .set("CompanyName", "The Keyturn developers")
            .set(
                "LegalCopyright",
                "The Keyturn developers; MIT OR Apache-2.0",
            );
        // rc.exe comes with the Windows SDK that MSVC builds need anyway, and
        // windres with MinGW: a failure here is a broken toolchain.
        if let Err(e) = res.compile() {
            panic!("cannot embed the icon and version info into keyturn.exe: {e}");
        }
    }
}

#[cfg(not(windows))]
mod windows {
    pub fn embed_resources() {
        println!(
            "cargo:warning=cross-building for Windows: the icon and version info are embedded only by a build on Windows (packaging/README.md)"
        );
    }
}
