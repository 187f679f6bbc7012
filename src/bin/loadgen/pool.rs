//! The client: a fixed pool of keep-alive HTTP/1.1 connections on hyper's
//! connection API, timing each exchange.

use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::header;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

/// Twilio gives up on a webhook after 15 s.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

pub struct Pool {
    pub addr: SocketAddr,
    pub host: String,
    pub permits: Semaphore,
    pub idle: Mutex<Vec<SendRequest<Full<Bytes>>>>,
}

pub struct Answer {
    pub status: u16,
    pub body: Bytes,
    pub latency: Duration,
}

impl Pool {
    pub fn new(addr: SocketAddr, connections: usize) -> Pool {
        Pool {
            addr,
            host: addr.to_string(),
            permits: Semaphore::new(connections),
            idle: Mutex::new(Vec::with_capacity(connections)),
        }
    }

    pub async fn connect(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        let stream = TcpStream::connect(self.addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        stream
            .set_nodelay(true)
            .map_err(|e| format!("nodelay: {e}"))?;
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(sender)
    }

    /// A free connection: an idle one that is still open, or a new one.
    pub async fn checkout(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        loop {
            let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            match idle {
                Some(mut c) => {
                    if c.ready().await.is_ok() {
                        return Ok(c);
                    }
                }
                None => return self.connect().await,
            }
        }
    }

    /// POST a form; the latency is from writing the request to the end of
    /// the answer (waiting for a free connection is not in it).
    pub async fn post(&self, path: &str, body: Bytes, signature: &str) -> Result<Answer, String> {
        let _permit = self.permits.acquire().await.map_err(|e| e.to_string())?;
        let mut conn = self.checkout().await?;
        let req = hyper::Request::post(path)
            .header(header::HOST, &self.host)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-twilio-signature", signature)
            .body(Full::new(body))
            .map_err(|e| e.to_string())?;
        let started = Instant::now();
        let exchange = async {
            let res = conn.send_request(req).await?;
            let status = res.status().as_u16();
            let body = res.into_body().collect().await?.to_bytes();
            Ok::<_, hyper::Error>((status, body))
        };
        let (status, body) = tokio::time::timeout(REQUEST_TIMEOUT, exchange)
            .await
            .map_err(|_| format!("no answer within {REQUEST_TIMEOUT:?}"))?
            .map_err(|e| e.to_string())?;
        let latency = started.elapsed();
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(conn);
        Ok(Answer {
            status,
            body,
            latency,
        })
    }
}
