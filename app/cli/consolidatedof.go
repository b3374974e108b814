package cli

import (
	"context"
	"fmt"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// consolidatedOf refuses, naming the file, a database that is not one
// consolidated for committee c: an organization's own database (it keeps
// the history of its edits, which consolidation leaves out), or one holding
// an organization the committee has not enrolled. Reading an
// organization's own database as the committee's would list every other
// enrolled organization as not having done its tasks.
func consolidatedOf(ctx context.Context, c *snapshot.Committee, s *data.Store, path string) error {
	n, err := s.AuditCount(ctx)
	if err != nil {
		return fmt.Errorf("无法读取 %s：%v", path, err)
	}
	if n > 0 {
		return fmt.Errorf("%s 是一个组织自己的数据库，不是汇总数据库；请给出 dangjian consolidate 生成的汇总数据库，或不给 --db（使用本学期的汇总结果）", path)
	}
	enrolled, err := c.Orgs()
	if err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, o := range enrolled {
		ids[o.Public.OrgID] = true
	}
	orgs, err := s.OrgsInOrder(ctx)
	if err != nil {
		return fmt.Errorf("无法读取 %s：%v", path, err)
	}
	for _, o := range orgs {
		if !ids[o.ID] {
			return fmt.Errorf("%s 不是本党委的汇总数据库：其中的“%s”未在本党委登记", path, o.Name)
		}
	}
	return nil
}
