//! The real binary in a pseudo-terminal: open a copy of the sample, type figures into table 三,
//! save with Ctrl-S, quit with Ctrl-Q, and read the saved TOML.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `what`.
    fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
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
}

#[test]
fn type_into_table_three_save_quit_and_read_the_file() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("xiamen.toml");
    std::fs::copy("assets/samples/xiamen-hrss-2020.toml", &file).unwrap();

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
    cmd.arg("--lang");
    cmd.arg("zh");
    cmd.arg("edit");
    cmd.arg(&file);
    cmd.env("GONGKAI_HOME", home.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "zh_CN.UTF-8");
    cmd.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
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
    let screen = Screen { parser };
    let mut keys = pair.master.take_writer().unwrap();
    let mut send = |bytes: &[u8]| {
        keys.write_all(bytes).unwrap();
        keys.flush().unwrap();
        std::thread::sleep(Duration::from_millis(80));
    };

    screen.wait_for("基本信息");
    // PageDown three times: 一, 二, 三.
    for _ in 0..3 {
        send(b"\x1b[6~");
    }
    screen.wait_for("勾稽");
    // 一、本年新收 · 自然人: 31 → 33; Enter moves down to 二 · 自然人: 1 → 0; right to 商业企业: 0 → 2.
    send("３３".as_bytes());
    send(b"\r");
    send(b"0");
    send(b"\x1b[C");
    send(b"2");
    send(b"\r");
    screen.wait_for("未保存");
    send(b"\x13"); // Ctrl-S
    screen.wait_for("已保存");
    send(b"\x11"); // Ctrl-Q

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the editor did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());

    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("new_received = { natural_person = 33, business = 1,"),
        "{saved}"
    );
    assert!(
        saved.contains("carried_over = { natural_person = 0, business = 2,"),
        "{saved}"
    );
    let draft = gongkai::report::load::load_str(&saved).expect("the saved file loads");
    assert_eq!(draft.report.agency, "厦门市人力资源和社会保障局");
}
