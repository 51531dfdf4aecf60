//! The one worker pool: reading and checking thousands of reports is the
//! slow part of every command and of opening a workspace, and it is spread
//! over the cores the same way everywhere.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;

/// Worker threads: one per core, at most 8 (beyond that the disk, not the
/// cores, sets the pace, and a shared server has other users).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(8)
}

/// Runs `work` on every item, in parallel within batches of `batch` items
/// and in order between them, handing the results to `sink` in item order:
/// output can be written as it comes and memory stays flat however many
/// items there are. Stops at the first error of `sink`.
pub fn ordered<T: Sync, R: Send, E>(
    items: &[T],
    batch: usize,
    work: impl Fn(usize, &T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads();
    for (b, chunk) in items.chunks(batch.max(1)).enumerate() {
        let next = AtomicUsize::new(0);
        let slots: Vec<Mutex<Option<R>>> = chunk.iter().map(|_| Mutex::new(None)).collect();
        std::thread::scope(|s| {
            for _ in 0..threads.min(chunk.len()) {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = chunk.get(i) else { break };
                        let r = work(b * batch.max(1) + i, item);
                        *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                    }
                });
            }
        });
        for slot in slots {
            if let Some(r) = slot.into_inner().unwrap_or_else(|e| e.into_inner()) {
                sink(r)?;
            }
        }
    }
    Ok(())
}

/// Runs `work` on every job on background threads and returns at once; the
/// results arrive, in the order they are done, on the returned channel,
/// which closes when all are done. Workers stop early when it is dropped.
pub fn background<J, R>(jobs: Vec<J>, work: impl Fn(&J) -> R + Send + Sync + 'static) -> Receiver<R>
where
    J: Send + Sync + 'static,
    R: Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    let jobs = Arc::new(jobs);
    let work = Arc::new(work);
    let next = Arc::new(AtomicUsize::new(0));
    for _ in 0..threads().min(jobs.len()) {
        let (jobs, work, next, tx) = (jobs.clone(), work.clone(), next.clone(), tx.clone());
        std::thread::spawn(move || {
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(k) else { break };
                if tx.send(work(job)).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_keeps_item_order_across_batches_and_stops_at_a_sink_error() {
        let items: Vec<u32> = (0..1000).collect();
        let mut seen = Vec::new();
        ordered(
            &items,
            7,
            |i, x| (i, x * 2),
            |r| {
                seen.push(r);
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1000).map(|i| (i as usize, i * 2)).collect::<Vec<_>>());
        let mut n = 0;
        let r = ordered(
            &items,
            10,
            |_, x| *x,
            |_| {
                n += 1;
                if n == 15 { Err("full disk") } else { Ok(()) }
            },
        );
        assert_eq!((r, n), (Err("full disk"), 15));
    }

    #[test]
    fn background_delivers_every_result_then_closes() {
        let rx = background((0..500u32).collect(), |x| x + 1);
        let mut got: Vec<u32> = rx.iter().collect();
        got.sort_unstable();
        assert_eq!(got, (1..501).collect::<Vec<_>>());
        let empty = background(Vec::<u32>::new(), |x| *x);
        assert!(empty.recv().is_err());
    }
}
