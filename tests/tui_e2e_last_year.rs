//! The real binary in a pseudo-terminal, as a new user starts this year's report: the sample
//! (2020) in the data folder, 从上年报告新建 on the start screen, 上年结转 filled and checked,
//! last year's figure under the focused cell, last year's text beside 一.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `what`; returns the screen.
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            let text = self.text();
            if text.contains(what) {
                return text;
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
fn from_last_years_sample_to_this_years_draft() {
    let home = tempfile::tempdir().unwrap();
    let drafts = home.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::copy(
        "assets/samples/xiamen-hrss-2020.toml",
        drafts.join("xiamen-hrss-2020.toml"),
    )
    .unwrap();

    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gongkai"));
    cmd.arg("--lang");
    cmd.arg("zh");
    cmd.env("GONGKAI_HOME", home.path());
    cmd.env("GONGKAI_TODAY", "2021-01-10");
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "zh_CN.UTF-8");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZero::new(ROWS).unwrap(),
        std::num::NonZero::new(COLS).unwrap(),
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

    screen.wait_for("从上年报告新建");
    send(b"l");
    screen.wait_for("将新建 2021 年报告（gip-2021）");
    send(b"\r");
    let notice = screen.wait_for("已从上年报告新建");
    assert!(notice.contains("未结转上年数据"), "{notice}");
    send(b"\r");

    // 三: 二、上年结转 carried from last year's 四 (0, 1, 0, 0, 0, 0).
    for _ in 0..3 {
        send(b"\x1b[6~"); // PgDn
    }
    screen.wait_for("勾稽");
    send(b"\x1b[B"); // down to 二
    send(b"\x1b[C"); // right to 商业企业
    let table = screen.wait_for("应等于上年“四、结转下年度继续办理”：1");
    let row = table
        .lines()
        .find(|l| l.contains("二、上年结转"))
        .expect("the row");
    let figures: Vec<&str> = row
        .split("二、上年结转政府信息公开申请数量")
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .take(6)
        .collect();
    assert_eq!(figures, ["0", "1", "0", "0", "0", "0"], "{row}");
    // Checked: 3 where last year carried 1 is a warning.
    send(b"3");
    send(b"\r");
    screen.wait_for("上年结转填 3，上年报告的结转下年度为 1");

    // 一 with last year's text beside it.
    for _ in 0..2 {
        send(b"\x1b[5~"); // PgUp: 二, 一
    }
    screen.wait_for("0 字");
    send(b"\x0c"); // Ctrl-L
    let beside = screen.wait_for("只读");
    assert!(beside.contains("聚焦权力配置运行"), "{beside}");

    send(b"\x11"); // Ctrl-Q
    screen.wait_for("有未保存的修改");
    send(b"n");
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
    let made = drafts.join("厦门市人力资源和社会保障局-2021.toml");
    let saved = std::fs::read_to_string(&made).unwrap();
    assert!(
        saved.contains("file = \"xiamen-hrss-2020.toml\""),
        "{saved}"
    );
}
