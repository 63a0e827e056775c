//! Terminal input, read on a thread of its own.
//!
//! Once the terminal has hung up (the window closed, the connection dropped) every read of it
//! returns nothing at once, and crossterm's reader then loops without end. Reading on a thread
//! of its own keeps the editor free to notice the hang-up, keep the work and leave.

use crossterm::event::{self, Event};
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Reading,
    /// Asked to stop reading (another program is about to use the terminal).
    Stopping,
    Stopped,
}

type Control = Arc<(Mutex<Mode>, Condvar)>;

/// What the reader (or a signal) hands the event loop.
enum Incoming {
    Event(io::Result<Event>),
    /// Nothing to apply: look at the signals now rather than at the next tick.
    Wake,
}

/// Events from the terminal.
pub struct Input {
    events: Receiver<Incoming>,
    waker: Sender<Incoming>,
    control: Control,
}

/// Wakes the event loop from another thread (a signal's).
#[derive(Clone)]
pub struct Waker(Sender<Incoming>);

impl Waker {
    pub fn wake(&self) {
        let _ = self.0.send(Incoming::Wake);
    }
}

/// How long the reader waits for input before looking whether it should stop.
const READ_TICK: Duration = Duration::from_millis(100);

impl Input {
    pub fn start() -> io::Result<Input> {
        let (tx, events) = channel();
        let waker = tx.clone();
        let control: Control = Arc::new((Mutex::new(Mode::Reading), Condvar::new()));
        let theirs = Arc::clone(&control);
        std::thread::Builder::new()
            .name("input".into())
            .spawn(move || {
                loop {
                    {
                        let (mode, changed) = &*theirs;
                        let mut mode = mode.lock().unwrap_or_else(|e| e.into_inner());
                        while *mode != Mode::Reading {
                            if *mode == Mode::Stopping {
                                *mode = Mode::Stopped;
                                changed.notify_all();
                            }
                            mode = changed.wait(mode).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    let event = match event::poll(READ_TICK) {
                        Ok(true) => event::read(),
                        Ok(false) => continue,
                        Err(e) => Err(e),
                    };
                    let failed = event.is_err();
                    if tx.send(Incoming::Event(event)).is_err() || failed {
                        return;
                    }
                }
            })?;
        Ok(Input {
            events,
            waker,
            control,
        })
    }

    /// Something another thread can wake the event loop with.
    pub fn waker(&self) -> Waker {
        Waker(self.waker.clone())
    }

    /// The next event, waiting at most `timeout`; `None` when none came.
    /// A wake-up ends the wait with nothing.
    pub fn next(&self, timeout: Duration) -> Option<io::Result<Event>> {
        match self.events.recv_timeout(timeout) {
            Ok(Incoming::Event(e)) => Some(e),
            Ok(Incoming::Wake) | Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Err(gone())),
        }
    }

    /// An event already read, if any.
    pub fn ready(&self) -> Option<io::Result<Event>> {
        match self.events.try_recv() {
            Ok(Incoming::Event(e)) => Some(e),
            Ok(Incoming::Wake) | Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(gone())),
        }
    }

    /// Stops reading (waiting up to a second for the reader to let go of the terminal), so
    /// another program can have the keyboard.
    pub fn stop(&self) {
        let (mode, changed) = &*self.control;
        let mut mode = mode.lock().unwrap_or_else(|e| e.into_inner());
        *mode = Mode::Stopping;
        changed.notify_all();
        let mut waited = Duration::ZERO;
        while *mode != Mode::Stopped && waited < Duration::from_secs(1) {
            let (m, _) = changed
                .wait_timeout(mode, READ_TICK)
                .unwrap_or_else(|e| e.into_inner());
            mode = m;
            waited += READ_TICK;
        }
    }

    /// Reads again after [`Input::stop`].
    pub fn resume(&self) {
        let (mode, changed) = &*self.control;
        *mode.lock().unwrap_or_else(|e| e.into_inner()) = Mode::Reading;
        changed.notify_all();
    }
}

fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal input ended")
}

/// Whether the terminal has hung up. Only a terminal on standard input is watched (with input
/// from elsewhere the keys come from `/dev/tty`, and an ended pipe is no hang-up).
pub fn hung_up() -> bool {
    #[cfg(unix)]
    {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        use std::io::IsTerminal;
        let stdin = io::stdin();
        if !stdin.is_terminal() {
            return false;
        }
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        poll(&mut fds, Some(&now)).is_ok()
            && fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
    }
    #[cfg(not(unix))]
    {
        false
    }
}
