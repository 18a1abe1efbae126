//! Keeps secrets in memory out of core dumps.
//!
//! While Keyturn sends a change, the access key secret and the passwords
//! are in its memory; a crash, or a SIGQUIT, would otherwise write them to
//! a core file (or hand them to a crash reporter such as systemd-coredump or
//! apport). So the process turns core dumps off before it reads anything:
//! a core size limit of 0 (Unix) and, on Linux, `PR_SET_DUMPABLE` 0, which
//! also keeps other processes of the same user from attaching a debugger or
//! reading its memory through `/proc`.

/// Turns core dumps off for this process and the processes it starts.
/// Best effort: failing to is logged, never fatal.
pub fn no_core_dumps() {
    #[cfg(unix)]
    {
        let zero = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit reads the struct it is given and nothing else.
        if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &zero) } != 0 {
            tracing::warn!(
                "could not turn core dumps off: {}",
                std::io::Error::last_os_error()
            );
        }
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        // SAFETY: PR_SET_DUMPABLE takes one integer argument; the others are unused.
        if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
            tracing::warn!(
                "could not mark the process as not dumpable: {}",
                std::io::Error::last_os_error()
            );
        }
    }
}

/// Whether this process may dump core, as the kernel sees it.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub fn dumpable() -> bool {
    // SAFETY: PR_GET_DUMPABLE takes no argument and returns a flag.
    let flag = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct it is given.
    let read = unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) };
    flag != 0 || read != 0 || limit.rlim_cur != 0 || limit.rlim_max != 0
}

#[cfg(all(test, any(target_os = "linux", target_os = "android")))]
mod tests {
    #[test]
    fn core_dumps_are_off_afterwards() {
        super::no_core_dumps();
        assert!(!super::dumpable());
    }
}
