//! A reload reads the config file again with the same command-line
//! overrides the server started with: a school added by a reload gets its
//! store in the `--data-dir` directory, not in the config's `data_dir`.

use absence_line::http::{Application, Secrets, Source};

use crate::helpers::{ADMIN_TOKEN, TOKEN, write_config};

#[tokio::test]
async fn a_reload_keeps_the_command_lines_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let config_path = write_config(dir.path());
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let source = Source {
        data_dir: Some(elsewhere.clone()),
        ..Source::new(&config_path)
    };
    let secrets = Secrets {
        auth_token: Some(TOKEN.into()),
        admin_token: Some(ADMIN_TOKEN.into()),
        ..Secrets::default()
    };
    let app = Application::build(source, secrets).await.unwrap();
    let base = format!("http://{}", app.local_addr());
    let server = tokio::spawn(app.run_until_stopped());
    assert!(elsewhere.join("chuo.sqlite").exists());

    let mut config = std::fs::read_to_string(&config_path).unwrap();
    config.push_str("\n[schools.kita]\nname = \"墨田区立北小学校\"\n");
    std::fs::write(&config_path, config).unwrap();
    let res = reqwest::Client::new()
        .post(format!("{base}/admin/reload"))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(elsewhere.join("kita.sqlite").exists());
    assert!(!dir.path().join("data/kita.sqlite").exists());
    server.abort();
}
