package docx

import (
	"math"

	"dangjian/reports/layout"
)

// headMid is the running header's middle on a part's pages after its
// first: the part's title, and its Record (「支部 姓名(工号)」) so that a
// loose page of a batch of forms can be put back to its member.
type headMid struct {
	text string  // typeset
	size float64 // points; 0 is headSize
	left bool    // the record takes the organization's place on the left
}

// headMinSize is the least size of the running header's middle, points.
const headMinSize = 7.0

// headGap is the least space between the running header's texts, mm.
const headGap = 4.0

// headMiddle is the running header of p's pages after its first, as the
// PDF has it: the title and the record when both fit between the
// organization and the period (as estimated), else the record alone, set
// smaller down to headMinSize, else the record on the left instead of the
// organization. A part without a record has its title.
func (r *renderer) headMiddle(p *layout.Part) headMid {
	title := typeset(r.partTitle(p))
	rec := typeset(p.Record)
	if rec == "" || rec == title {
		return headMid{text: title}
	}
	body := r.geo.bodyWidth
	pw := textWidth(typeset(r.doc.Period), headSize)
	room := body - 2*(max(textWidth(typeset(r.doc.Org), headSize), pw)+headGap)
	if both := title + "\u3000" + rec; textWidth(both, headSize) <= room {
		return headMid{text: both}
	}
	rw := textWidth(rec, headSize)
	if size := fitSize(rw, room); size > 0 {
		return headMid{text: rec, size: size}
	}
	return headMid{text: rec, size: max(fitSize(rw, body-pw-headGap), headMinSize), left: true}
}

// fitSize is the size, down to headMinSize in half points, at which a
// header text rw mm wide at headSize fits in room mm; 0 when none does.
func fitSize(rw, room float64) float64 {
	if rw <= room {
		return headSize
	}
	if room <= 0 {
		return 0
	}
	size := math.Floor(headSize*room/rw*2) / 2
	if size < headMinSize {
		return 0
	}
	return size
}
