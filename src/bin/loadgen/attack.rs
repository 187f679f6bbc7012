//! `--attack`: unsigned webhooks whose bodies never finish, held open.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tokio::net::TcpStream;

/// finishes, opened again each time the server closes it.
pub async fn half_sent(
    addr: SocketAddr,
    path: String,
    after: Duration,
    stop: Arc<AtomicBool>,
    opened: Arc<AtomicU64>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    tokio::time::sleep(after).await;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nCa"
    );
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut s) = TcpStream::connect(addr).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        opened.fetch_add(1, Ordering::Relaxed);
        if s.write_all(head.as_bytes()).await.is_err() {
            continue;
        }
        let mut sink = Vec::new();
        let _ = s.read_to_end(&mut sink).await;
    }
}
