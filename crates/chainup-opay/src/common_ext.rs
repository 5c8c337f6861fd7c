//! Additions to the generated shared types (`docs/chainup-opay/common.md`).

use crate::generated::OrderStatus;

impl OrderStatus {
    /// Whether the order can no longer change (closed, failed or paid).
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Closed | Self::Failed | Self::Paid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_status_reads_every_documented_value_as_string_or_number() {
        let v: Vec<OrderStatus> = serde_json::from_str(r#"["0","1","2","3",3,0,"9",11]"#).unwrap();
        assert_eq!(
            v,
            [
                OrderStatus::Closed,
                OrderStatus::Pending,
                OrderStatus::Failed,
                OrderStatus::Paid,
                OrderStatus::Paid,
                OrderStatus::Closed,
                OrderStatus::Unknown("9".into()),
                OrderStatus::Unknown("11".into()),
            ]
        );
        // Written as the documented String.
        assert_eq!(serde_json::to_string(&OrderStatus::Paid).unwrap(), r#""3""#);
        assert!(!OrderStatus::Pending.is_final());
        assert!(OrderStatus::Paid.is_final() && OrderStatus::Closed.is_final() && OrderStatus::Failed.is_final());
        assert!(!OrderStatus::Unknown("9".into()).is_final());
    }
}
