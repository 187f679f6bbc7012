# 職員向けページの文言（日本語・基準）。ui/en.ftl と同じ ID をそろえること。
# 変更はビルドし直すと反映されます。

app-name = 欠席連絡
lang-toggle = English
account-board = 教育委員会
account-school = ログイン中: { $school }
logout = ログアウト
back-home = トップへ戻る

## ナビゲーション

nav-list = 欠席一覧
nav-calls = 着信記録
nav-board = 学校一覧

## エラー

error-title = エラー
error-forbidden-title = 表示できません
error-not-found-title = 見つかりません
error-bad-request-title = 指定に誤りがあります
error-forbidden = このページを見る権限がありません。ご自分の学校のページをご利用ください。
error-no-school = その学校はありません。
error-no-report = その連絡はありません。
error-csrf = フォームの有効期限が切れたか、正しくない送信です。ページを開き直してからもう一度操作してください。
error-bad-date = 日付は YYYY-MM-DD の形で指定してください（例: 2026-11-25）。
error-store = 記録を読み書きできませんでした。しばらくしてからもう一度お試しください。
error-export-login = ログインが必要です（またはエクスポート用トークンを Authorization: Bearer で送ってください）。
error-checks-busy = ただいまログインとトークンの確認が混み合っています。少し待ってから、もう一度お試しください。
error-too-many-tokens = 誤ったトークンが続いたため、このアドレスからはしばらく受け付けません。{ $minutes }分ほど待ってから、もう一度お試しください。

## ログイン

login-title = 職員ログイン
login-hint = 学校のアカウント、または教育委員会のアカウントでログインしてください。
login-account = アカウント
login-choose = 選択してください
login-password = パスワード
login-submit = ログイン
login-throttled = ログインの失敗が続いたため、しばらく受け付けません。{ $minutes }分ほど待ってから、もう一度お試しください。
login-failed = アカウントまたはパスワードが違います。

## 日付

day-title = { $year }年{ $month }月{ $day }日({ $weekday })
weekday-mon = 月
weekday-tue = 火
weekday-wed = 水
weekday-thu = 木
weekday-fri = 金
weekday-sat = 土
weekday-sun = 日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
today = 今日
closed-day = 休校日
day-prev = 前の登校日
day-next = 次の登校日
calendar-prev = 前日
calendar-next = 翌日
day-pick = 日付
day-show = 表示

## 欠席一覧

list-title = 欠席・遅刻・早退
link-calls = この日の着信記録
link-list = この日の欠席一覧
export-csv = CSV
export-csv-sjis = CSV (Shift_JIS)
export-json = JSON
print = 印刷
count-unseen = 未確認
updated-at = { $time } 更新
auto-refresh = 1分ごとに自動更新
list-empty = この日の連絡はまだありません。
group-title = { $grade }年{ $class }組
group-grade-only = { $grade }年
group-unknown = 学年・組 不明
group-count = { $n }件
col-number = 番号
col-student = 生徒番号
col-name = 氏名
col-kind = 区分
col-details = 理由・症状
col-time = 時刻
col-message = 伝言
col-reference = 受付番号
col-received = 受付時刻
col-channel = 経路
col-seen = 確認
kind-message-only = 伝言のみ
badge-new = 新着
arrival-at = { $time } 登校予定
pickup-at = { $time } 迎え
play-message = 伝言を再生
has-message = 伝言あり
seen-at = 確認済 { $time }
mark-seen = 確認
history-replaced = 差し替え → 受付番号 { $reference }（{ $time }）
history-replaces = 受付番号 { $reference } を差し替え（{ $time }）
history-cancelled = 取り消し { $time }
badge-unconfirmed = 未確認
unconfirmed-hint = 保護者が伝言の録音中に電話を切ったため、内容の確認を受けていません。折り返して確認してください。

## 着信記録

calls-title = 着信記録
calls-total = 着信
calls-empty = この日の着信はありません。
calls-hint = 連絡の保存前に切れた通話や失敗した通話は色付きで表示します。必要に応じて折り返してください。
col-started = 時刻
col-caller = 電話番号
col-language = 言語
col-outcome = 結果
col-duration = 通話時間
col-references = 受付番号
caller-unknown = 番号非通知
outcome-reported = 報告済み
outcome-abandoned = 保存前に終了
outcome-failed = 失敗
outcome-open = 通話中
call-back = 折り返し
reported-later = { $time } に報告あり
message-absent = 伝言なし（無音）

## 教育委員会

board-title = 学校一覧
col-school = 学校
col-school-day = 対象日
col-call-back = 折り返し候補
col-links = ページ

## エクスポート

export-missing-date = { $param } がありません。{ $param }=YYYY-MM-DD の形で指定してください。
export-bad-date = { $param }={ $value } は日付ではありません。YYYY-MM-DD の形で指定してください（例: 2026-11-25）。
export-reversed = from が to より後になっています。
export-too-long = 期間が長すぎます。一度に { $max } 日までです。
export-bad-format = format={ $value } には対応していません。csv、csv-sjis、json のいずれかを指定してください。

## 記録の値

code-absence = 欠席
code-late = 遅刻
code-early = 早退
code-illness = 病気
code-injury = けが
code-medical = 通院
code-family = 家庭の事情
code-bereavement = 忌引
code-infectious = 出席停止（感染症）
code-other = その他
code-fever = 発熱
code-respiratory = 咳・喉の痛み・鼻水
code-diarrhoea = 下痢・腹痛
code-vomiting = 嘔気・嘔吐
code-digestive = 腹痛・下痢・嘔吐
code-headache = 頭痛
code-rash = 発疹
code-influenza = インフルエンザ
code-covid-19 = 新型コロナウイルス感染症
code-gastroenteritis = 感染性胃腸炎
code-strep = 溶連菌感染症
code-chickenpox = 水痘
code-mumps = 流行性耳下腺炎
code-pharyngoconjunctival-fever = 咽頭結膜熱
code-hand-foot-mouth = 手足口病
# 症状が2つ以上あるときの区切り。
code-separator = ・
code-channel-twilio = 電話
code-channel-web = ウェブ
code-channel-simulator = シミュレーター
code-channel-sip = 電話

## 言語名

language-ja = 日本語
language-en = 英語
language-zh-CN = 中国語
language-ko = 韓国語
language-vi = ベトナム語
language-fil = フィリピノ語
language-pt-BR = ポルトガル語
language-es = スペイン語
language-ne = ネパール語

## Surveillance sheet, corrections and alerts

sheet-title = 欠席者集計表
sheet-link = 欠席者集計表
sheet-link-list = この日の連絡一覧
sheet-csv-utf8 = CSV（UTF-8）
sheet-csv-sjis = CSV（Shift_JIS）
sheet-note = 学校等欠席者・感染症情報システムに入力する順（学級ごと、0 も含む）に並べています。欠席者数は人数で、出席停止は含みません。症状が複数ある児童生徒は、該当する症状のそれぞれに 1 人として数えるため、症状の合計は「うち病気」と一致しないことがあります。出席停止は疾病別です。有効な連絡だけを数えます。
sheet-col-class = 学年・組
sheet-col-enrolment = 在籍
sheet-group-absent = 欠席者数
sheet-group-symptoms = 症状別（病気による欠席）
sheet-group-suspended = 出席停止
sheet-col-absent = 計
sheet-col-illness = うち病気
sheet-col-ili = インフルエンザ様疾患
sheet-col-suspended = 計
sheet-grade-total = { $grade }年 計
sheet-school-total = 全校 計
sheet-no-class = 学年・組 不明
sheet-unlisted = （在籍表にない組）
sheet-csv-grade = 学年
sheet-csv-class = 組
sheet-csv-row = 区分
sheet-row-class = 学級
sheet-row-unlisted = 在籍表にない組
sheet-row-grade = 学年計
sheet-bad-format = format={ $value } には対応していません。csv を指定するか、指定しないでください。
sheet-bad-encoding = encoding={ $value } には対応していません。utf-8 か shift_jis を指定してください。
edit-link = 訂正
edit-title = 連絡の訂正（受付番号 { $reference }）
edit-days = 対象の登校日
edit-reason = 理由
edit-symptoms = 症状（病気のとき。あてはまるものすべて）
edit-symptoms-hint = 理由が「病気」以外のときは保存しません。
edit-temperature = 体温
edit-temperature-hint = 35.0〜42.0（例: 38.5）。空欄は測っていない場合。理由が「病気」のときだけ保存します。
edit-disease = 出席停止の疾病
edit-disease-hint = 理由が「出席停止（感染症）」のときに選びます。一覧にない場合は「その他」。
edit-applies = この連絡が対象とするすべての登校日に反映し、訂正した人と時刻を記録します。
edit-save = 訂正を保存
edit-cancel = やめる
edit-back = 連絡一覧に戻る
edit-errors = 入力に誤りがあります。何も変更していません。
edit-error-reason = 理由を一覧から選んでください。
edit-error-symptom = 症状は一覧から選んでください。
edit-error-temperature = 体温は 35.0〜42.0 の数字で、小数点以下は 1 桁までで入力してください（例: 38.5）。
edit-error-disease = 出席停止の場合は疾病を選んでください（一覧にない場合は「その他」）。
edit-not-active-title = 訂正できません
edit-not-active = この連絡は、保護者からの電話で差し替えまたは取り消しされたため訂正できません。何も変更していません。連絡一覧で最新の連絡を確認してください。
edit-board-refused = 連絡の訂正は、その学校の職員のアカウントで行ってください。出席の記録は学校のものであり、教育委員会のアカウントは閲覧のみです。何も変更していません。
history-edited = 訂正 { $time }（{ $user }）: { $before } → { $after }
alerts-title = 注意が必要な学級・学年
alerts-note = 病気による欠席と出席停止の人数から、設定された基準で自動的に判定しています。学級閉鎖などの判断は、学校医・教育委員会と相談のうえ行ってください。
alert-rule-class-rate = 学級の欠席率
alert-rule-grade-spread = 学年内の広がり
alert-rule-school-rate = 全校の欠席率
alert-rule-rise = 急な増加
alert-class-rate = { $class }：病気・出席停止 { $count }人／在籍 { $enrolment }人（{ $rate }%）
alert-grade-spread = { $cause }が複数の学級に：{ $classes }（計 { $count }人）
alert-class-cases = { $class } { $n }人
alert-list-sep = 、
alert-school-rate = 全校：病気・出席停止 { $count }人／在籍 { $enrolment }人（{ $rate }%）
alert-rise = 全校：病気・出席停止 { $count }人（直前の登校日の平均 { $baseline }人）
alert-level-warning = — 注意の目安（{ $threshold }）に達しています
alert-level-class-closure = — 学級閉鎖を検討する目安（{ $threshold }）に達しています
alert-level-school-closure = — 臨時休業を検討する目安（{ $threshold }）に達しています
alert-threshold-classes = { $n }学級以上
alert-threshold-factor = 平均の { $factor }倍
alert-since = { $time }から

## Board dashboard

board-day-hint = どの学校も同じ日付（その日、休業日なら直前の登校日）の件数です。病欠＝病気による欠席と出席停止。病欠率＝病欠 ÷ 在籍者数。
board-dashboard = 学校の状況
board-days = 日付の移動
board-bad-range = 日付は YYYY-MM-DD の形で、開始日を終了日以前に、期間は { $max } 日までで指定してください。
board-district = 地区全体
board-caption = 各校の状況（{ $day }）
board-enrolment = 在籍
board-ill = 病欠
board-rate = 病欠率
board-level = 水準
board-suspended = 出席停止
board-ili = インフルエンザ様疾患
board-sheet = 欠席者日報
board-legend = 病欠率の水準
board-level-unknown = 在籍数不明
board-level-zero = なし
board-level-low = 低
board-level-watch = 注意
board-level-warning = 警戒
board-level-closure = 閉鎖検討
board-heat-title = 学校別・日別の病欠率
board-heat-hint = 数字は病欠率（%）。セルを選ぶとその学校のその日を表示します。「·」は休業日。
board-heat-cell = { $school } { $day }: 病欠 { $ill } / 在籍 { $enrolment }（{ $rate }）{ $level }
board-from = 開始日
board-to = 終了日
board-trend-title = 推移
board-trend-symptoms = 症状別の欠席者数
board-trend-diseases = 疾患別の出席停止者数
board-trend-grades = 学年別の病欠率
board-trend-classes = 学級別の病欠率
board-trend-class = 病欠率
board-students = 人数
board-rate-axis = 病欠率（%）
board-chart-table = 数値の表を見る
board-chart-day = 日付
board-crumbs = 現在の位置
board-grade = { $grade }年
board-grade-col = 学年
board-class-col = 学級
board-by-grade = 学年別
board-by-class = 学級別
board-by-disease = 出席停止の内訳
board-school-total = 学校全体
board-grade-total = { $grade }全体
board-class-days = 日ごとの状況
board-no-class = その学年・学級はありません。
board-alerts-col = 警報
board-alerts-title = 警報一覧
board-alerts-day = { $day }の警報
board-alerts-all = 期間の警報一覧へ
board-alerts-none = 警報はありません。
board-alerts-hint = 各校の登校日ごとに、記録された件数から警報の規則を当てはめた結果です。学級名を選ぶとその学級の推移を表示します。
board-alerts-count = { $n }件
board-alert-rule = 規則
board-alert-what = 内容
board-alert-warning = 警戒
board-alert-closure = 閉鎖検討
board-rule-class-rate = 学級の病欠率
board-rule-grade-spread = 学年内の広がり
board-rule-school-rate = 学校の病欠率
board-rule-rise = 急増
board-alert-class-rate = { $class }: 病欠 { $count } / 在籍 { $enrolment }（{ $rate }）、基準 { $threshold } 以上
board-alert-grade-spread = { $grade }の { $classes } 学級で{ $cause }（計 { $count } 人）、基準 { $threshold } 学級以上
board-alert-school-rate = 学校全体: 病欠 { $count } / 在籍 { $enrolment }（{ $rate }）、基準 { $threshold } 以上
board-alert-rise = 病欠 { $count } 人、直前の登校日の平均 { $baseline } 人の { $factor } 倍以上
board-alert-class-count = { $cases }人 / { $enrolment }人
board-chart-zero = （期間中 0）
