//! Small charts drawn on the server as inline SVG: the board's trend lines.
//! No script and no style sheet of their own (the pages' CSP allows
//! neither inline), only SVG presentation attributes; every chart comes
//! with a text legend and a table of its numbers, so nothing is told by
//! colour or by picture alone.

use maud::{Markup, html};

/// One line: its label and one value per x position.
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

/// A line chart over days (or any labelled x positions).
pub struct LineChart<'a> {
    /// Unique on the page: the SVG's title and description ids.
    pub id: &'a str,
    pub title: &'a str,
    /// What the y axis counts ("students", "%").
    pub y_label: &'a str,
    /// One label per x position, in order.
    pub x_labels: &'a [String],
    pub series: &'a [Series],
}

/// Colour-blind-safe line colours (Okabe and Ito, without the yellow that
/// vanishes on white), each also with its own dash pattern.
const COLOURS: [&str; 9] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c564b",
    "#6a3d9a",
];
const DASHES: [&str; 5] = ["", "8 4", "2 4", "10 4 2 4", "4 4"];

const W: f64 = 720.0;
const H: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 28.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 48.0;
/// At most this many x labels: more would overlap.
const MAX_X_LABELS: usize = 8;

/// The colour and dash of series `i`: what the legend shows beside its label.
pub fn stroke(i: usize) -> (&'static str, &'static str) {
    (COLOURS[i % COLOURS.len()], DASHES[i % DASHES.len()])
}

/// A round ceiling for the y axis and its tick step: 1, 2 or 5 times a
/// power of ten, about four ticks, never below 1.
fn y_scale(max: f64) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let rough = max / 4.0;
    let pow = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * pow);
    // Counts of people: ticks on whole numbers.
    let step = if max >= 1.0 { step.max(1.0) } else { step };
    // Rounded so that 3 × 0.1 is 0.3.
    let top = ((max / step).ceil() * step * 1e9).round() / 1e9;
    (top, step)
}

/// A tick's text: no decimals for whole numbers.
fn tick(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The SVG itself, with `<title>` and `<desc>` for screen readers.
pub fn line_chart(c: &LineChart) -> Markup {
    let n = c.x_labels.len();
    let max = c
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0, f64::max);
    let (top, step) = y_scale(max);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_h * (1.0 - v / top);
    let ticks: Vec<f64> = (0..)
        .map(|k| k as f64 * step)
        .take_while(|v| *v <= top + 1e-9)
        .collect();
    let every = n.div_ceil(MAX_X_LABELS).max(1);
    let desc = format!(
        "{}: {} – {}",
        c.y_label,
        c.x_labels.first().map_or("", String::as_str),
        c.x_labels.last().map_or("", String::as_str)
    );
    html! {
        svg.chart role="img" viewBox=(format!("0 0 {W} {H}")) xmlns="http://www.w3.org/2000/svg"
            aria-labelledby=(format!("{0}-t {0}-d", c.id)) {
            title id=(format!("{}-t", c.id)) { (c.title) }
            desc id=(format!("{}-d", c.id)) { (desc) }
            g font-size="14" fill="#3e4c59" {
                @for v in &ticks {
                    line x1=(LEFT) x2=(W - RIGHT) y1=(fmt(y(*v))) y2=(fmt(y(*v))) stroke="#d9e2ec" stroke-width="1" {}
                    text x=(LEFT - 8.0) y=(fmt(y(*v) + 5.0)) text-anchor="end" { (tick(*v)) }
                }
                // Counted from the last day, which is always labelled.
                @for (i, label) in c.x_labels.iter().enumerate() {
                    @if (n - 1 - i).is_multiple_of(every) {
                        text x=(fmt(x(i))) y=(H - BOTTOM + 20.0) text-anchor="middle" { (label) }
                    }
                }
                text x="16" y=(fmt(TOP + plot_h / 2.0)) text-anchor="middle"
                    transform=(format!("rotate(-90 16 {})", fmt(TOP + plot_h / 2.0))) { (c.y_label) }
            }
            line x1=(LEFT) x2=(LEFT) y1=(TOP) y2=(H - BOTTOM) stroke="#3e4c59" stroke-width="1" {}
            line x1=(LEFT) x2=(W - RIGHT) y1=(H - BOTTOM) y2=(H - BOTTOM) stroke="#3e4c59" stroke-width="1" {}
            // A line that stays at zero would only hide the axis: the
            // legend and the table say it is zero.
            @for (i, s) in c.series.iter().enumerate().filter(|(_, s)| s.values.iter().any(|v| *v != 0.0)) {
                @let (colour, dash) = stroke(i);
                @let points = s.values.iter().enumerate().map(|(k, v)| format!("{},{}", fmt(x(k)), fmt(y(*v)))).collect::<Vec<_>>().join(" ");
                @if n == 1 {
                    circle cx=(fmt(x(0))) cy=(fmt(y(s.values.first().copied().unwrap_or(0.0)))) r="4" fill=(colour) {}
                } @else {
                    polyline points=(points) fill="none" stroke=(colour) stroke-width="2.5"
                        stroke-dasharray=[(!dash.is_empty()).then_some(dash)] stroke-linejoin="round" {}
                }
            }
        }
    }
}

/// Coordinates to one decimal: enough for a 720-unit drawing, and stable
/// text for the snapshot.
fn fmt(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

/// The legend: each series' line sample and label, as text; a series
/// that is zero throughout is listed apart, undrawn, with `zero` after it.
pub fn legend(series: &[Series], zero: &str) -> Markup {
    let is_zero = |s: &Series| s.values.iter().all(|v| *v == 0.0);
    html! {
        ul.legend {
            @for (i, s) in series.iter().enumerate().filter(|(_, s)| !is_zero(s)) {
                @let (colour, dash) = stroke(i);
                li {
                    svg width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false" {
                        line x1="2" x2="34" y1="6" y2="6" stroke=(colour) stroke-width="3"
                            stroke-dasharray=[(!dash.is_empty()).then_some(dash)] {}
                    }
                    " " (s.label)
                }
            }
            @for s in series.iter().filter(|s| is_zero(s)) {
                li.zero { (s.label) " " (zero) }
            }
        }
    }
}

/// The chart's numbers as a table (the text alternative), in a
/// `<details>` so that it takes no room until asked for.
pub fn data_table(c: &LineChart, summary: &str, first_col: &str) -> Markup {
    html! {
        details.chart-data {
            summary { (summary) }
            div.scroll {
                table.data {
                    caption.sr { (c.title) }
                    thead { tr {
                        th scope="col" { (first_col) }
                        @for s in c.series { th.n scope="col" { (s.label) } }
                    } }
                    tbody {
                        @for (i, label) in c.x_labels.iter().enumerate() {
                            tr {
                                th scope="row" { (label) }
                                @for s in c.series {
                                    td.n { (tick(s.values.get(i).copied().unwrap_or(0.0))) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Chart, legend and table together, in a `<figure>`.
pub fn figure(c: &LineChart, summary: &str, first_col: &str, zero: &str) -> Markup {
    html! {
        figure.trend {
            figcaption { (c.title) }
            div.chart-wrap { (line_chart(c)) }
            (legend(c.series, zero))
            (data_table(c, summary, first_col))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_y_axis_ends_on_a_round_number() {
        assert_eq!(y_scale(0.0), (1.0, 1.0));
        assert_eq!(y_scale(3.0), (3.0, 1.0));
        assert_eq!(y_scale(7.0), (8.0, 2.0));
        assert_eq!(y_scale(37.0), (40.0, 10.0));
        assert_eq!(y_scale(120.0), (150.0, 50.0));
        assert_eq!(y_scale(0.3), (0.3, 0.1));
    }

    #[test]
    fn a_series_is_a_line_through_each_day_and_the_legend_and_table_say_it_in_text() {
        let days = ["11/24".to_owned(), "11/25".to_owned(), "11/26".to_owned()];
        let series = [
            Series {
                label: "Fever".into(),
                values: vec![0.0, 2.0, 4.0],
            },
            Series {
                label: "Rash".into(),
                values: vec![1.0, 1.0, 0.0],
            },
        ];
        let c = LineChart {
            id: "t",
            title: "Absences by symptom",
            y_label: "students",
            x_labels: &days,
            series: &series,
        };
        let svg = line_chart(&c).into_string();
        // 4 is the top: x from 64 to 692, y from 16 (4) to 252 (0).
        assert!(svg.contains(r#"points="64,252 378,134 692,16""#), "{svg}");
        assert!(
            svg.contains(r#"stroke-dasharray="8 4""#),
            "the second line is dashed"
        );
        assert!(svg.contains("<title id=\"t-t\">Absences by symptom</title>"));
        let fig = figure(&c, "Numbers", "Day", "(0)").into_string();
        assert!(fig.contains("</svg> Rash</li>"), "{fig}");
        assert!(
            fig.contains(
                "<th scope=\"row\">11/26</th><td class=\"n\">4</td><td class=\"n\">0</td>"
            )
        );
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn one_day_is_a_dot_and_many_days_label_only_some() {
        let days: Vec<String> = (1..=20).map(|d| format!("d{d}")).collect();
        let series = [Series {
            label: "x".into(),
            values: vec![1.0; 20],
        }];
        let c = LineChart {
            id: "m",
            title: "t",
            y_label: "n",
            x_labels: &days,
            series: &series,
        };
        let svg = line_chart(&c).into_string();
        let labels = days
            .iter()
            .filter(|d| svg.contains(&format!(">{d}<")))
            .count();
        assert!((2..=MAX_X_LABELS + 1).contains(&labels), "{labels}");
        assert!(svg.contains(">d20<"), "the last day is always labelled");
        let one = [days[0].clone()];
        let c = LineChart {
            x_labels: &one,
            series: &[Series {
                label: "x".into(),
                values: vec![2.0],
            }],
            ..c
        };
        assert!(line_chart(&c).into_string().contains("<circle"));
    }
}
