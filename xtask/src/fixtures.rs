//! Doc fixtures shared by the generator's unit tests.

use crate::model::Doc;
use crate::parse::parse_doc;

pub const PAY: &str = "# Pay\n\n```endpoint\nname: pay\nmethod: POST\npath: /v1/pay\nsummary: 支付.\nidempotent: false\n\
request: PayRequest\nresponse: PayResponse\n```\n\n## PayRequest\n\n\
| field | type | required | description |\n|---|---|---|---|\n| orderNo | string | yes | 订单号 |\n\
| cardNo | secret | yes | 卡号 |\n| cvc | secret | no | |\n| matedata | map | no | 元数据 |\n| type | Kind | no | kind |\n\
| items | [Item] | no | |\n| amount | decimal | yes | |\n\n## PayResponse\n\n\
| field | type | required | description |\n|---|---|---|---|\n| node | Node | no | |\n| code | Code | no | |\n\n\
## Node\n\n| field | type | required | description |\n|---|---|---|---|\n| parent | Node | no | |\n| kids | [Node] | no | |\n\n\
## Kind (enum string)\n\n| value | variant | description |\n|---|---|---|\n| a | A | 甲 |\n\n\
## Code (enum integer)\n\n| value | variant | description |\n|---|---|---|\n| -1 | Fail | |\n";
pub const COMMON: &str = "## Item\n\n| field | type | required | description |\n|---|---|---|---|\n| sku | string | yes | |\n| rate | decimal-number | no | |\n";

pub fn docs() -> Vec<Doc> {
    vec![parse_doc("docs/p/pay.md", "pay", PAY).unwrap(), parse_doc("docs/p/common.md", "common", COMMON).unwrap()]
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An endpoint whose request uses every rule of the constraints column, directly and through a
/// nested struct, an optional struct, a list and a newtype.
pub const CHECKED: &str = "# Pay\n\n```endpoint\nname: pay\nmethod: POST\npath: /v1/pay\nsummary: 支付\n\
idempotent: false\nrequest: PayRequest\nresponse: json\n```\n\n## PayRequest\n\n\
| field | type | required | description | constraints |\n|---|---|---|---|---|\n\
| orderNo | string | no | 订单号 | len 5..=64, either tradeNo |\n\
| tradeNo | string | no | | either orderNo |\n\
| currency | string | yes | | len 3, upper, pattern [A-Z]{3} |\n\
| channel | integer | no | | one-of 1\\|2, positive |\n\
| amount | decimal | yes | | positive, scale 2, minor-units cur |\n\
| cur | currency | no | | |\n\
| rate | decimal-number | no | | scale 4, minor-units code |\n\
| code | currency | yes | | |\n\
| lang | string | no | | one-of zh\\|en |\n\
| refundNumber | string | yes | | not-blank |\n\
| cvc | secret | no | | len 3..=4, digits |\n\
| token | secret | no | | either orderNo |\n\
| card | Card | yes | | |\n\
| billing | Card | no | | |\n\
| items | [Item] | no | | len 1.. |\n\
| batch | Batch | no | | |\n\
| plain | Plain | no | | |\n\n\
## Card\n\n| field | type | required | description | constraints |\n|---|---|---|---|---|\n\
| cardNo | secret | yes | 卡号 | len 13..=19, digits |\n\n\
## Item\n\n| field | type | required | description | constraints |\n|---|---|---|---|---|\n\
| sku | string | yes | | len ..=32 |\n| sub | [[Item]] | no | | |\n\n\
## Batch (newtype [Item])\n\n\
## Plain\n\n| field | type | required | description |\n|---|---|---|---|\n| note | string | no | |\n";
