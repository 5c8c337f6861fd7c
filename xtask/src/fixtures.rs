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
pub const COMMON: &str =
    "## Item\n\n| field | type | required | description |\n|---|---|---|---|\n| sku | string | yes | |\n";

pub fn docs() -> Vec<Doc> {
    vec![parse_doc("docs/p/pay.md", "pay", PAY).unwrap(), parse_doc("docs/p/common.md", "common", COMMON).unwrap()]
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
