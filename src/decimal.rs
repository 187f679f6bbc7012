//! Small numbers in decimal without the formatting machinery: a few are
//! written into every webhook's answer and action URL, and `write!` costs
//! several times what the digits do.

/// Append `n` in decimal, as `Display` writes it.
pub fn push(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().for_each(|&d| out.push(char::from(d)));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn as_display_writes_it(n in any::<u32>()) {
            let mut out = String::from("x");
            super::push(&mut out, n);
            prop_assert_eq!(out, format!("x{n}"));
        }
    }
}
