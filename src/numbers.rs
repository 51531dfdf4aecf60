//! Amount arithmetic and how percentages are written, shared by the checks,
//! the scoring and the screens so that every place rounds the same way.

use rust_decimal::Decimal;

/// Formats a percentage for messages: one decimal, sign when asked.
pub fn pct(value: Decimal, signed: bool) -> String {
    // 四舍五入: half away from zero, as the forms round.
    let r = value.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if signed && r > Decimal::ZERO {
        format!("+{r:.1}%")
    } else {
        format!("{r:.1}%")
    }
}

/// Formats an amount difference with its sign.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// `part / whole × 100`, None when the whole is zero.
pub fn ratio_pct(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

/// Sums optional amounts; None when all are blank (nothing was filled in).
pub fn sum_opt(parts: &[Option<Decimal>]) -> Option<Decimal> {
    let mut any = false;
    let mut total = Decimal::ZERO;
    for p in parts.iter().flatten() {
        any = true;
        total = total.checked_add(*p)?;
    }
    any.then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amount::dec;

    #[test]
    fn helpers() {
        assert_eq!(pct(dec("22.1925"), true), "+22.2%");
        assert_eq!(pct(dec("-3.04"), true), "-3.0%");
        assert_eq!(pct(dec("20"), true), "+20.0%");
        assert_eq!(pct(dec("22.25"), false), "22.3%");
        assert_eq!(signed(dec("232.79")), "+232.79");
        assert_eq!(ratio_pct(dec("1"), Decimal::ZERO), None);
        assert_eq!(sum_opt(&[None, None]), None);
        assert_eq!(sum_opt(&[Some(dec("1.5")), None, Some(dec("2"))]), Some(dec("3.5")));
    }
}
