# Staff pages, English. Keep the same ids as ui/ja.ftl (the reference).

app-name = Absence line
lang-toggle = 日本語
account-board = Board of education
account-school = Logged in: { $school }
logout = Log out
back-home = Back to the start page

## Navigation

nav-list = Absences
nav-calls = Call log
nav-board = Schools

## Errors

error-title = Error
error-forbidden-title = Not allowed
error-not-found-title = Not found
error-bad-request-title = Something in the request is wrong
error-forbidden = You may not see this page. Please use your own school's pages.
error-no-school = There is no such school.
error-no-report = There is no such report.
error-csrf = The form has expired or was not sent from this site. Open the page again and retry.
error-bad-date = Give the date as YYYY-MM-DD, e.g. 2026-11-25.
error-store = The records could not be read or written. Please try again in a moment.
error-export-login = Log in first (or send the export token as Authorization: Bearer).
error-checks-busy = Many logins and tokens are being checked right now. Please try again in a moment.
error-too-many-tokens = Too many wrong tokens from this address. Please wait about { $minutes } minutes and try again.

## Login

login-title = Staff login
login-hint = Log in with your school's account or the board of education's.
login-account = Account
login-choose = Choose…
login-password = Password
login-submit = Log in
login-throttled = Too many failed logins. Please wait about { $minutes } minutes and try again.
login-failed = Wrong account or password.

## Dates

day-title = { $weekday } { $day } { $monthname } { $year }
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
today = Today
closed-day = School closed
day-prev = Previous school day
day-next = Next school day
calendar-prev = Previous day
calendar-next = Next day
day-pick = Date
day-show = Show

## Morning list

list-title = Absences, late arrivals, early leaves
link-calls = Calls on this day
link-list = Reports for this day
export-csv = CSV
export-csv-sjis = CSV (Shift_JIS)
export-json = JSON
print = Print
count-unseen = Not seen
updated-at = Updated { $time }
auto-refresh = refreshes every minute
list-empty = No reports for this day yet.
group-title = Grade { $grade }, class { $class }
group-grade-only = Grade { $grade }
group-unknown = Grade and class unknown
group-count = { $n } reports
col-number = No.
col-student = Student no.
col-name = Name
col-kind = Kind
col-details = Reason, symptoms
col-time = Time
col-message = Message
col-reference = Ref.
col-received = Received
col-channel = Via
col-seen = Seen
kind-message-only = Message only
badge-new = New
arrival-at = arrives { $time }
pickup-at = picked up { $time }
play-message = Play the message
has-message = voice message
seen-at = Seen { $time }
mark-seen = Mark seen
history-replaced = Replaced → ref. { $reference } ({ $time })
history-replaces = Replaces ref. { $reference } ({ $time })
history-cancelled = Cancelled { $time }
badge-unconfirmed = Unconfirmed
unconfirmed-hint = The parent hung up while recording the message, before confirming the report. Call back to confirm it.

## Call log

calls-title = Call log
calls-total = Calls
calls-empty = No calls on this day.
calls-hint = Calls that ended before a report was saved, or failed, are highlighted: consider calling back.
col-started = Time
col-caller = Number
col-language = Language
col-outcome = Outcome
col-duration = Length
col-references = Refs.
caller-unknown = Number withheld
outcome-reported = Reported
outcome-abandoned = Ended before saving
outcome-failed = Failed
outcome-open = In progress
call-back = Call back
reported-later = reported at { $time }
message-absent = No message (silent)

## Board of education

board-title = Schools
col-school = School
col-school-day = School day
col-call-back = To call back
col-links = Pages

## Export

export-missing-date = { $param } is missing: add { $param }=YYYY-MM-DD.
export-bad-date = { $param }={ $value } is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25.
export-reversed = from is after to.
export-too-long = The range is too long: at most { $max } days at once.
export-bad-format = format={ $value } is not supported: use csv, csv-sjis or json.

## Stored values

code-absence = Absent
code-late = Late
code-early = Leaving early
code-illness = Illness
code-injury = Injury
code-medical = Medical appointment
code-family = Family reasons
code-bereavement = Bereavement
code-infectious = Infectious disease (must stay home)
code-other = Other
code-fever = Fever
code-respiratory = Cough, sore throat, runny nose
code-diarrhoea = Diarrhoea, stomach ache
code-vomiting = Nausea, vomiting
code-digestive = Stomach ache, diarrhoea, vomiting
code-headache = Headache
code-rash = Rash
code-influenza = Influenza
code-covid-19 = COVID-19
code-gastroenteritis = Infectious gastroenteritis
code-strep = Strep throat
code-chickenpox = Chickenpox
code-mumps = Mumps
code-pharyngoconjunctival-fever = Pharyngoconjunctival fever
code-hand-foot-mouth = Hand, foot and mouth disease
# Between the symptoms of a report that has several.
code-separator = {"; "}
code-channel-twilio = Phone
code-channel-web = Web
code-channel-simulator = Simulator
code-channel-sip = Phone

## Language names

language-ja = Japanese
language-en = English
language-zh-CN = Chinese
language-ko = Korean
language-vi = Vietnamese
language-fil = Filipino
language-pt-BR = Portuguese
language-es = Spanish
language-ne = Nepali

## Surveillance sheet, corrections and alerts

sheet-title = Surveillance sheet
sheet-link = Surveillance sheet
sheet-link-list = Reports of this day
sheet-csv-utf8 = CSV (UTF-8)
sheet-csv-sjis = CSV (Shift_JIS)
sheet-note = In the order of the national school absence surveillance system's entry (per class, zeros included). Absent counts children and leaves out attendance suspensions. A child with several symptoms counts once under each of them, so the symptoms need not add up to "of which illness". Suspensions are by disease. Only active reports count.
sheet-col-class = Grade and class
sheet-col-enrolment = Enrolled
sheet-group-absent = Absent
sheet-group-symptoms = By symptom (absent for illness)
sheet-group-suspended = Attendance suspensions
sheet-col-absent = Total
sheet-col-illness = Of which illness
sheet-col-ili = Influenza-like illness
sheet-col-suspended = Total
sheet-grade-total = Grade { $grade } total
sheet-school-total = School total
sheet-no-class = Grade and class unknown
sheet-unlisted = (not in the enrolment)
sheet-csv-grade = Grade
sheet-csv-class = Class
sheet-csv-row = Row
sheet-row-class = Class
sheet-row-unlisted = Not in the enrolment
sheet-row-grade = Grade total
sheet-bad-format = format={ $value } is not offered. Give csv, or leave it out.
sheet-bad-encoding = encoding={ $value } is not offered. Give utf-8 or shift_jis.
edit-link = Correct
edit-title = Correct report { $reference }
edit-days = School days it covers
edit-reason = Reason
edit-symptoms = Symptoms (illness; tick all that apply)
edit-symptoms-hint = Kept only when the reason is illness.
edit-temperature = Temperature
edit-temperature-hint = 35.0–42.0 (e.g. 38.5). Leave it empty if it was not measured. Kept only when the reason is illness.
edit-disease = Disease (attendance suspension)
edit-disease-hint = Choose it when the reason is an infectious disease. Other if it is not listed.
edit-applies = The correction applies to every school day of this report; who made it and when is kept.
edit-save = Save the correction
edit-cancel = Cancel
edit-back = Back to the list
edit-errors = Some entries are wrong. Nothing was changed.
edit-error-reason = Choose a reason from the list.
edit-error-symptom = Choose symptoms from the list.
edit-error-temperature = Give the temperature as a number from 35.0 to 42.0 with at most one decimal (e.g. 38.5).
edit-error-disease = For an attendance suspension, choose the disease (Other if it is not listed).
edit-not-active-title = This report cannot be corrected
edit-not-active = A later call from the parent replaced or cancelled this report, so it cannot be corrected. Nothing was changed. See the list for the current report.
edit-board-refused = Reports are corrected with the school staff's own account: the attendance record is the school's, and the board's account can only read it. Nothing was changed.
history-edited = Corrected { $time } ({ $user }): { $before } → { $after }
alerts-title = Classes and grades to watch
alerts-note = Worked out from the students absent ill or suspended, against the levels set in the configuration. Decide on closures with the school doctor and the board of education.
alert-rule-class-rate = Class rate
alert-rule-grade-spread = Spread in a grade
alert-rule-school-rate = School rate
alert-rule-rise = Sharp rise
alert-class-rate = { $class }: { $count } ill or suspended of { $enrolment } ({ $rate } %)
alert-grade-spread = { $cause } in several classes: { $classes } ({ $count } in all)
alert-class-cases = { $class } { $n }
alert-list-sep = { ", " }
alert-school-rate = Whole school: { $count } ill or suspended of { $enrolment } ({ $rate } %)
alert-rise = Whole school: { $count } ill or suspended (previous school days: { $baseline } on average)
alert-level-warning = — at the warning level ({ $threshold })
alert-level-class-closure = — at the level where class closure is usually considered ({ $threshold })
alert-level-school-closure = — at the level where closing the school is usually considered ({ $threshold })
alert-threshold-classes = { $n } classes or more
alert-threshold-factor = { $factor } × the average
alert-since = since { $time }

## Board dashboard

board-day-hint = Every school on the same date (that day, or the last school day before a closed day). Ill = absent with illness or suspended for an infectious disease. Ill rate = ill ÷ enrolment.
board-dashboard = School dashboard
board-days = Change the day
board-bad-range = Give dates as YYYY-MM-DD, the start on or before the end, at most { $max } days.
board-district = District
board-caption = Every school on { $day }
board-enrolment = Enrolled
board-ill = Ill
board-rate = Ill rate
board-level = Level
board-suspended = Suspended
board-ili = Influenza-like illness
board-sheet = Surveillance sheet
board-legend = Ill rate levels
board-level-unknown = Enrolment unknown
board-level-zero = None
board-level-low = Low
board-level-watch = Watch
board-level-warning = Warning
board-level-closure = Closure level
board-heat-title = Ill rate by school and day
board-heat-hint = Numbers are ill rates (%). Choose a cell to see that school on that day. "·" is a closed day.
board-heat-cell = { $school } { $day }: { $ill } ill of { $enrolment } ({ $rate }), { $level }
board-from = From
board-to = To
board-trend-title = Trends
board-trend-symptoms = Absences by symptom
board-trend-diseases = Suspensions by disease
board-trend-grades = Ill rate by grade
board-trend-classes = Ill rate by class
board-trend-class = Ill rate
board-students = Students
board-rate-axis = Ill rate (%)
board-chart-table = Show the numbers as a table
board-chart-day = Day
board-crumbs = You are here
board-grade = Grade { $grade }
board-grade-col = Grade
board-class-col = Class
board-by-grade = By grade
board-by-class = By class
board-by-disease = Suspensions by disease
board-school-total = Whole school
board-grade-total = { $grade } in all
board-class-days = Day by day
board-no-class = There is no such grade or class.
board-alerts-col = Alerts
board-alerts-title = Alerts
board-alerts-day = Alerts on { $day }
board-alerts-all = All alerts of the range
board-alerts-none = No alerts.
board-alerts-hint = The alert rules applied to each school's counts on each school day. Choose a class to see its days.
board-alerts-count = { $n } alerts
board-alert-rule = Rule
board-alert-what = What
board-alert-warning = Warning
board-alert-closure = Closure level
board-rule-class-rate = Class ill rate
board-rule-grade-spread = Spread in a grade
board-rule-school-rate = School ill rate
board-rule-rise = Sharp rise
board-alert-class-rate = { $class }: { $count } ill of { $enrolment } ({ $rate }), level { $threshold } or more
board-alert-grade-spread = { $cause } in { $classes } classes of { $grade } ({ $count } in all), level { $threshold } classes or more
board-alert-school-rate = Whole school: { $count } ill of { $enrolment } ({ $rate }), level { $threshold } or more
board-alert-rise = { $count } ill, { $factor } times or more the mean of the days before ({ $baseline })
board-alert-class-count = { $cases } of { $enrolment }
board-chart-zero = (0 throughout)
