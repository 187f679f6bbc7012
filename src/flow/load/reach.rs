//! Every step must be reachable from the start, the resume step or `*`:
//! an orphan is usually a typo in some `next`.

use std::collections::VecDeque;

use super::super::model::*;
use super::checker::Checker;
use super::raw::RawFile;

impl Checker<'_> {
    /// Every step must be reachable from the start; an orphan is usually a
    /// typo in some `next`.
    pub(super) fn unreachable(&mut self, raw: &RawFile, steps: &[Step], roots: &[StepIdx]) {
        let start = roots[0];
        let mut seen = vec![false; steps.len()];
        let mut queue = VecDeque::from(roots.to_vec());
        while let Some(i) = queue.pop_front() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let s = &steps[i];
            let mut targets = vec![s.give_up];
            match &s.next {
                Next::End => {}
                Next::Goto(t) => targets.push(*t),
                Next::Branches(bs) => targets.extend(bs.iter().map(|b| b.1)),
            }
            if let StepKind::Menu {
                options, default, ..
            } = &s.kind
            {
                targets.extend(options.values().chain(default).map(|c| c.next));
            }
            if let StepKind::Children { options, .. } = &s.kind {
                targets.extend(options.values().map(|c| c.next));
            }
            queue.extend(targets.into_iter().filter(|t| !seen[*t]));
        }
        // Only input steps can actually give up; treat a never-used give_up
        // edge as reachable anyway: being generous here avoids false alarms.
        for ((name, step), seen) in raw.steps.iter().zip(seen) {
            if !seen {
                self.err(step.span().start, format!("step {:?} can never be reached from the start {:?}; link to it from another step or remove it", name.get_ref(), steps[start].name));
            }
        }
    }
}
