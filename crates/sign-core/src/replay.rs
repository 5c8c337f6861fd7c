//! The replay guard of the callback verifiers: a callback that verified once is refused when the
//! same bytes come again within a window, so a captured notification cannot be played back.
//!
//! The window runs on the monotonic clock ([`Instant`]): a wall-clock step (NTP, a VM resumed, an
//! operator) neither empties the guard early nor keeps entries forever. What is remembered is a
//! SHA-256 of the caller's key, never the key (it may hold a signature or an order number).
//!
//! [`MemoryReplayStore`], the default, is bounded and local to the process. Several processes
//! behind a load balancer need a shared store: implement [`ReplayStore`] over Redis (`SET key 1
//! NX PX ttl`) or a database unique key.
//!
//! ```
//! use std::time::Duration;
//! use sign_core::replay::ReplayGuard;
//!
//! let guard = ReplayGuard::in_memory(Duration::from_secs(600));
//! assert!(guard.first_time(b"order-1|signature-a"));
//! assert!(!guard.first_time(b"order-1|signature-a")); // the same notification again: a replay
//! assert!(guard.first_time(b"order-1|signature-b"));  // a new delivery of the same order
//! ```

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where seen keys are kept. Implementations must be atomic: two concurrent calls with the same
/// key must not both return `true`.
pub trait ReplayStore: Send + Sync {
    /// Records `key` (a SHA-256 digest) as seen for `ttl`; returns `true` when it was not seen
    /// within its window, `false` when this is a replay.
    fn first_time(&self, key: &[u8; 32], ttl: Duration) -> bool;
}

/// The default store: in memory, in this process, holding at most `capacity` keys. When full,
/// expired keys go first, then the oldest (a key forgotten early can be replayed once: size the
/// capacity above the callbacks one window can bring).
pub struct MemoryReplayStore {
    capacity: usize,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// Key -> when its window ends.
    until: HashMap<[u8; 32], Instant>,
    /// Keys in insertion order, for eviction.
    order: VecDeque<[u8; 32]>,
}

/// The default capacity of [`MemoryReplayStore`]: about 10 MB at most.
pub const DEFAULT_CAPACITY: usize = 100_000;

impl MemoryReplayStore {
    /// A store of at most `capacity` keys (at least 1).
    pub fn new(capacity: usize) -> Self {
        Self { capacity: capacity.max(1), state: Mutex::new(State::default()) }
    }

    /// Keys held now (expired ones included until they are swept).
    pub fn len(&self) -> usize {
        self.lock().until.len()
    }

    /// Whether no key is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock leaves consistent data (each step is a whole insert or
        // remove): keep going rather than turning every later callback into a panic.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// [`ReplayStore::first_time`] at the instant `now` (tests move time forward with it).
    pub fn first_time_at(&self, key: &[u8; 32], ttl: Duration, now: Instant) -> bool {
        let mut state = self.lock();
        if state.until.get(key).is_some_and(|until| *until > now) {
            return false;
        }
        // Sweep expired keys from the front, then make room by age.
        while let Some(front) = state.order.front().copied() {
            let expired = state.until.get(&front).is_none_or(|until| *until <= now);
            if !(expired || state.until.len() >= self.capacity) {
                break;
            }
            state.order.pop_front();
            state.until.remove(&front);
        }
        let until = now.checked_add(ttl).unwrap_or_else(|| now + Duration::from_secs(365 * 24 * 3600));
        if state.until.insert(*key, until).is_none() {
            state.order.push_back(*key);
        } else {
            // An expired key seen again: move it to the back, it is the newest now.
            state.order.retain(|k| k != key);
            state.order.push_back(*key);
        }
        true
    }
}

impl Default for MemoryReplayStore {
    fn default() -> Self {
        Self::new(DEFAULT_CAPACITY)
    }
}

impl ReplayStore for MemoryReplayStore {
    fn first_time(&self, key: &[u8; 32], ttl: Duration) -> bool {
        self.first_time_at(key, ttl, Instant::now())
    }
}

impl fmt::Debug for MemoryReplayStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryReplayStore").field("capacity", &self.capacity).field("len", &self.len()).finish()
    }
}

/// A replay guard: a [`ReplayStore`] and the window a key is remembered for. Cheap to clone;
/// clones share the store.
#[derive(Clone)]
pub struct ReplayGuard {
    store: Arc<dyn ReplayStore>,
    window: Duration,
}

impl ReplayGuard {
    /// A guard over a bounded in-memory store ([`DEFAULT_CAPACITY`] keys).
    pub fn in_memory(window: Duration) -> Self {
        Self::with_store(Arc::new(MemoryReplayStore::default()), window)
    }

    /// A guard over `store` (shared across processes, for example).
    pub fn with_store(store: Arc<dyn ReplayStore>, window: Duration) -> Self {
        Self { store, window }
    }

    /// How long a key is remembered.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// Records `key` and says whether this is its first time within the window (`false`: a
    /// replay). Call it only after the callback verified: an unverified request must not fill
    /// the store.
    pub fn first_time(&self, key: &[u8]) -> bool {
        self.store.first_time(&crate::digest::sha256(key), self.window)
    }
}

impl fmt::Debug for ReplayGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReplayGuard").field("window", &self.window).finish_non_exhaustive()
    }
}

/// A callback verifier's replay choice as its configuration builder holds it, until `build()`
/// knows the window: the bounded in-memory default, the user's store, or off. vip-charge and
/// chainup-opay keep their `callback_replay_store` / `callback_replay_protection` setters over it.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum ReplaySetting {
    /// A bounded store in this process's memory ([`MemoryReplayStore`], [`DEFAULT_CAPACITY`]).
    #[default]
    InMemory,
    /// The user's store (shared by several processes, say).
    Store(Arc<dyn ReplayStore>),
    /// No replay guard.
    Off,
}

impl ReplaySetting {
    /// Protection on or off: off forgets a chosen store; on again restores the in-memory default
    /// unless a store was chosen and kept.
    #[must_use]
    pub fn with_protection(self, on: bool) -> Self {
        match (on, self) {
            (false, _) => Self::Off,
            (true, Self::Off) => Self::InMemory,
            (true, kept) => kept,
        }
    }

    /// The guard this setting gives for `window`; `None` when off.
    pub fn guard(&self, window: Duration) -> Option<ReplayGuard> {
        match self {
            Self::InMemory => Some(ReplayGuard::with_store(Arc::new(MemoryReplayStore::default()), window)),
            Self::Store(store) => Some(ReplayGuard::with_store(Arc::clone(store), window)),
            Self::Off => None,
        }
    }
}

impl fmt::Debug for ReplaySetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InMemory => "InMemory",
            Self::Store(_) => "Store(..)",
            Self::Off => "Off",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> [u8; 32] {
        [n; 32]
    }

    #[test]
    fn a_key_is_refused_within_its_window_and_accepted_after_it() {
        let store = MemoryReplayStore::new(10);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        assert!(store.first_time_at(&key(1), ttl, t0));
        assert!(!store.first_time_at(&key(1), ttl, t0 + Duration::from_secs(59)));
        assert!(store.first_time_at(&key(2), ttl, t0 + Duration::from_secs(1)));
        // The window is measured on the monotonic clock only: nothing else can end it early.
        assert!(store.first_time_at(&key(1), ttl, t0 + Duration::from_secs(60)));
        assert!(!store.first_time_at(&key(1), ttl, t0 + Duration::from_secs(61)));
    }

    #[test]
    fn the_store_is_bounded_and_forgets_expired_keys_first() {
        let store = MemoryReplayStore::new(3);
        let t0 = Instant::now();
        let short = Duration::from_secs(1);
        let long = Duration::from_secs(3600);
        assert!(store.first_time_at(&key(1), short, t0));
        assert!(store.first_time_at(&key(2), long, t0));
        assert!(store.first_time_at(&key(3), long, t0));
        // Full; key 1 has expired: it goes, the others stay.
        assert!(store.first_time_at(&key(4), long, t0 + Duration::from_secs(2)));
        assert_eq!(store.len(), 3);
        assert!(!store.first_time_at(&key(2), long, t0 + Duration::from_secs(3)));
        assert!(!store.first_time_at(&key(3), long, t0 + Duration::from_secs(3)));
        // Full with nothing expired: the oldest goes.
        assert!(store.first_time_at(&key(5), long, t0 + Duration::from_secs(4)));
        assert_eq!(store.len(), 3);
        assert!(!store.first_time_at(&key(4), long, t0 + Duration::from_secs(5)));
        for n in 10..200 {
            store.first_time_at(&key(n), long, t0 + Duration::from_secs(6));
        }
        assert_eq!(store.len(), 3, "never more than the capacity");
    }

    #[test]
    fn concurrent_deliveries_of_one_key_pass_once() {
        let guard = ReplayGuard::in_memory(Duration::from_secs(60));
        let passed: usize = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8).map(|_| s.spawn(|| guard.first_time(b"same"))).collect();
            handles.into_iter().map(|h| usize::from(h.join().unwrap())).sum()
        });
        assert_eq!(passed, 1);
    }

    #[test]
    fn a_setting_turns_off_and_on_and_keeps_a_chosen_store() {
        let window = Duration::from_secs(60);
        assert_eq!(ReplaySetting::default().guard(window).map(|g| g.window()), Some(window));
        assert!(ReplaySetting::default().with_protection(false).guard(window).is_none());
        let store: Arc<dyn ReplayStore> = Arc::new(MemoryReplayStore::new(4));
        let chosen = ReplaySetting::Store(Arc::clone(&store)).with_protection(true);
        let (a, b) = (chosen.guard(window).unwrap(), chosen.guard(window).unwrap());
        assert!(a.first_time(b"k") && !b.first_time(b"k"), "both guards use the chosen store");
        let back = ReplaySetting::Store(store).with_protection(false).with_protection(true);
        assert!(matches!(back, ReplaySetting::InMemory), "{back:?}");
    }

    #[test]
    fn a_huge_window_does_not_overflow() {
        let store = MemoryReplayStore::new(2);
        assert!(store.first_time_at(&key(1), Duration::MAX, Instant::now()));
        assert!(!store.first_time_at(&key(1), Duration::MAX, Instant::now()));
    }
}
