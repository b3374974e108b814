// Package documents builds the ledgers and forms a secondary organization
// signs and archives (党员花名册, 学习培训台账, 组织生活台账, 党费收缴台账,
// 民主评议党员登记表, 党员目标管理责任书, 组织关系转接台账, 党内统计汇总,
// 党员教育管理考评汇总) as layout.Documents, once, and writes them as PDF
// or Word: the two formats never differ in content.
//
// Ledgers list branches in the store's natural order (data.Store.BranchRefs)
// and members within a branch in 姓氏笔画 order; each member's form is a
// part of its own, numbered by itself.
package documents
