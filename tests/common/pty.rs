//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100): for tests
//! that type, send signals and read the screen as a person would.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for anything: generous, for a loaded two-core machine.
pub const PATIENCE: Duration = Duration::from_secs(30);

pub struct Editor {
    parser: Arc<Mutex<vt100::Parser>>,
    master: Box<dyn MasterPty + Send>,
    keys: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Editor {
    /// `gongkai ARGS` in a 100×30 terminal, with its data and state under `home`.
    pub fn start(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Editor {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gongkai"));
        cmd.args(["--lang", "zh"]);
        cmd.args(args);
        cmd.env("GONGKAI_HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "zh_CN.UTF-8");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("GONGKAI_TEST_PANIC_ON_KEY");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(30).unwrap(),
            std::num::NonZero::new(100).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        {
            let parser = Arc::clone(&parser);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    parser.lock().unwrap().process(&buf[..n]);
                }
            });
        }
        let keys = pair.master.take_writer().unwrap();
        Editor {
            parser,
            master: pair.master,
            keys,
            child,
        }
    }

    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Reads the emulated terminal's state.
    pub fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen shows `what`.
    pub fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "the screen never showed {what:?}; it shows:\n{}",
            self.text()
        );
    }

    /// Sends bytes as typed keys, then gives the editor a moment.
    pub fn send(&mut self, bytes: &[u8]) {
        self.keys.write_all(bytes).unwrap();
        self.keys.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Sends bytes without pausing after them.
    pub fn send_now(&mut self, bytes: &[u8]) {
        self.keys.write_all(bytes).unwrap();
        self.keys.flush().unwrap();
    }

    /// Waits until `f` holds for the screen's text; how long that took.
    pub fn until(&self, what: &str, f: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        while start.elapsed() < PATIENCE * 4 {
            if f(&self.text()) {
                return start.elapsed();
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        panic!("the screen never showed {what}; it shows:\n{}", self.text());
    }

    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Sends a signal (`-KILL`, `-HUP`, `-TERM`) to the editor.
    pub fn signal(&self, sig: &str) {
        let ok = std::process::Command::new("kill")
            .arg(sig)
            .arg(self.pid().to_string())
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig} failed");
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.lock().unwrap().set_size(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
        );
    }

    /// Waits for the editor to end; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last output.
                std::thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the editor did not end; it shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

pub const PAGE_DOWN: &[u8] = b"\x1b[6~";
pub const PAGE_UP: &[u8] = b"\x1b[5~";
pub const CTRL_S: &[u8] = b"\x13";
pub const CTRL_Q: &[u8] = b"\x11";
pub const ENTER: &[u8] = b"\r";
