package documents

import (
	"time"

	"dangjian/data"
	"dangjian/reports/layout"
)

// The date forms of the documents, one for tables and forms and one for
// prose (layout.TableDate, layout.ProseDate), taking the store's dates.

func tableDate(d data.Date) string  { return layout.TableDate(d.Time) }
func tableMonth(d data.Date) string { return layout.TableMonth(d.Time) }
func proseDate(d data.Date) string  { return layout.ProseDate(d.Time) }
func prose(t time.Time) string      { return layout.ProseDate(t) }
