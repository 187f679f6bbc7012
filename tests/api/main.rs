//! The one integration test binary: the real server on 127.0.0.1:0, real
//! SQLite files in a temporary directory, calls walked exactly as Twilio
//! walks them (signed form posts, relative action URLs).

mod backup;
mod browser;
mod calls;
mod cli;
mod corrections;
mod crash;
mod export;
mod failures;
mod helpers;
mod languages;
mod limits;
mod logs;
mod operations;
mod recordings;
mod reload;
mod restart;
mod roster;
mod signature;
mod staff;
mod stores_health;
mod twilio_python;
mod webdriver;
