//! The one integration test binary: the real server on 127.0.0.1:0, real
//! SQLite files in a temporary directory, calls walked exactly as Twilio
//! walks them (signed form posts, relative action URLs).

mod admission;
mod attack11;
mod backup;
mod board;
mod browser;
mod brute_force;
mod call_length;
mod call_log_rules;
mod caller;
mod calls;
mod cli;
mod corrections;
mod crash;
mod demo_data;
mod export;
mod export_formulas;
mod failures;
mod hangups;
mod helpers;
mod languages;
mod limits;
mod locale_wording;
mod logs;
mod multi_day;
mod operations;
mod parent_call;
mod recordings;
mod reload;
mod reload_overrides;
mod restart;
mod roster;
mod roster_rules;
mod sheet;
mod signature;
mod staff;
mod stores_health;
mod symptoms;
mod twilio_python;
mod voice;
mod webdriver;
