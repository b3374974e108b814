package sheets

import (
	"context"
	"sort"
	"strings"

	"dangjian/data"
	"dangjian/data/vocab"
)

// meetingImporter records a branch's meetings with attendance: branch + type
// + date is the natural key; attendees are named by 姓名 within the branch.
type meetingImporter struct {
	branches   map[string]*data.Branch              // by name
	names      map[string]map[string][]*data.Member // branch id → name → members on the rolls
	former     map[string]map[string][]*data.Member // branch id → name → members no longer on the rolls
	byID       map[string]*data.Member
	anyBranch  map[string][]*data.Member          // name → members of any branch, on the rolls or not
	sameKey    map[string][]*data.Meeting         // branch id|kind|date → every such meeting
	claimed    map[string]int                     // meeting id → the sheet row that matched it
	attendance map[string]*data.MeetingAttendance // meeting id|member id
	attendees  map[string][]string                // meeting id → member ids recorded
	pending    []string                           // keys the current row added
	undo       []func()                           // restores cached rows the current row changed
}

// attendanceCols are the sheet's attendance columns, each named after the
// status its names get.
var attendanceCols = []struct {
	col    string
	status vocab.Attendance
}{
	{string(vocab.Present), vocab.Present},
	{string(vocab.Excused), vocab.Excused},
	{string(vocab.Absent), vocab.Absent},
}

func (mi *meetingImporter) prepare(ctx context.Context, tx *data.Tx) error {
	mi.branches, mi.names = map[string]*data.Branch{}, map[string]map[string][]*data.Member{}
	mi.former, mi.byID = map[string]map[string][]*data.Member{}, map[string]*data.Member{}
	mi.anyBranch = map[string][]*data.Member{}
	mi.attendance = map[string]*data.MeetingAttendance{}
	mi.sameKey, mi.claimed = map[string][]*data.Meeting{}, map[string]int{}
	branches, err := tx.Branches.List(ctx)
	if err != nil {
		return err
	}
	for i := range branches {
		mi.branches[branches[i].Name] = &branches[i]
		mi.names[branches[i].ID] = map[string][]*data.Member{}
		mi.former[branches[i].ID] = map[string][]*data.Member{}
	}
	err = tx.Members.Each(ctx, func(m *data.Member) error {
		mi.byID[m.ID] = m
		mi.anyBranch[m.Name] = append(mi.anyBranch[m.Name], m)
		group := mi.former
		if m.Active() {
			group = mi.names
		}
		if byName := group[string(m.BranchID)]; byName != nil {
			byName[m.Name] = append(byName[m.Name], m)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.Meetings.Each(ctx, func(m *data.Meeting) error {
		key := string(m.BranchID) + "|" + m.Kind + "|" + m.Date.String()
		mi.sameKey[key] = append(mi.sameKey[key], m)
		return nil
	})
	if err != nil {
		return err
	}
	mi.attendees = map[string][]string{}
	return tx.MeetingAttendance.Each(ctx, func(a *data.MeetingAttendance) error {
		mi.attendance[string(a.MeetingID)+"|"+string(a.MemberID)] = a
		mi.attendees[string(a.MeetingID)] = append(mi.attendees[string(a.MeetingID)], string(a.MemberID))
		return nil
	})
}

func (mi *meetingImporter) apply(ctx context.Context, tx *data.Tx, r *row) (outcome, error) {
	branchName := r.name("所在支部")
	branch := mi.branches[branchName]
	if branchName != "" && branch == nil {
		r.fail("所在支部", "本库中没有支部“"+branchName+"”")
	}
	kind, date := r.choice("类型", nil), r.date("日期")
	topic, host, recorder, location := r.text("主题"), r.text("主持人"), r.text("记录人"), r.text("地点")
	var statuses map[*data.Member]vocab.Attendance
	var reasons map[*data.Member]nameEntry
	var meeting *data.Meeting
	key := ""
	if branch != nil {
		key = branch.ID + "|" + kind + "|" + date.String()
		meeting = mi.pick(key, r, topic, host)
		statuses, reasons = mi.resolveAttendance(r, branch, meeting)
	}
	if len(r.problems) > 0 {
		return unchanged, nil
	}
	cols := map[string]string{"branch_id": "所在支部", "kind": "类型", "date": "日期"}
	out := unchanged
	exists := meeting != nil
	rec := data.Meeting{BranchID: data.Ref(branch.ID), Kind: kind, Date: date}
	if exists {
		rec = *meeting
	}
	if r.has("主题") {
		rec.Topic = topic
	}
	if r.has("主持人") && (!exists || rec.Host != host) {
		rec.Host, rec.HostID = host, ""
		if found := mi.names[branch.ID][host]; len(found) == 1 {
			rec.HostID = data.Ref(found[0].ID)
		}
	}
	if r.has("记录人") {
		rec.Recorder = recorder
	}
	if r.has("地点") {
		rec.Location = location
	}
	if !exists {
		if err := tx.Meetings.Create(ctx, &rec); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		meeting, out = &rec, created
		mi.sameKey[key] = append(mi.sameKey[key], meeting)
		mi.undo = append(mi.undo, func() {
			list := mi.sameKey[key]
			mi.sameKey[key] = list[:len(list)-1]
		})
	} else {
		before := rec.Version
		if err := tx.Meetings.Update(ctx, &rec); err != nil {
			return unchanged, rowErr(r, err, cols)
		}
		if rec.Version != before {
			out = updated
		}
		saved := *meeting
		*meeting = rec
		mi.undo = append(mi.undo, func() { *meeting = saved })
	}
	changed, err := mi.writeAttendance(ctx, tx, meeting, statuses, reasons)
	if err != nil {
		return unchanged, rowErr(r, err, cols)
	}
	claimedID := meeting.ID
	mi.claimed[claimedID] = r.num
	mi.undo = append(mi.undo, func() { delete(mi.claimed, claimedID) })
	if changed && out == unchanged {
		out = updated
	}
	return out, nil
}

// pick chooses the meeting a row describes among the stored meetings of its
// branch, type and date that no earlier row of the sheet has matched (two
// 党小组会 of one branch on one day share the key): the one whose recorded
// attendees the row names most, then the one with the row's topic, then
// its host. Nil means the row describes a meeting not yet recorded.
func (mi *meetingImporter) pick(key string, r *row, topic, host string) *data.Meeting {
	named := map[string]bool{}
	for _, c := range attendanceCols {
		for _, name := range r.names(c.col) {
			named[name] = true
		}
	}
	var best *data.Meeting
	bestScore := -1
	for _, m := range mi.sameKey[key] {
		if _, taken := mi.claimed[m.ID]; taken {
			continue
		}
		score := 0
		for _, id := range mi.attendees[m.ID] {
			if p := mi.byID[id]; p != nil && named[p.Name] {
				score += 4
			}
		}
		if m.Topic == topic {
			score += 2
		}
		if m.Host == host {
			score++
		}
		if score > bestScore {
			best, bestScore = m, score
		}
	}
	return best
}

// resolveAttendance maps the names of the 出席/请假/缺席 columns to members:
// those already recorded at the meeting, else the branch's members on the
// rolls, else its former members, else the one member of that name in
// another branch (who moved after the meeting). Unknown, ambiguous and
// repeated names are problems, and so are a reason given in the 出席 list
// and an entry written wrongly. It also returns the names' entries, with
// the reasons written in brackets (张三(出差)), by member.
func (mi *meetingImporter) resolveAttendance(r *row, branch *data.Branch, meeting *data.Meeting) (map[*data.Member]vocab.Attendance, map[*data.Member]nameEntry) {
	recorded := map[string][]*data.Member{}
	if meeting != nil {
		for _, id := range mi.attendees[meeting.ID] {
			if m := mi.byID[id]; m != nil {
				recorded[m.Name] = append(recorded[m.Name], m)
			}
		}
	}
	occurs := map[string]int{} // how often the row names each name
	for _, c := range attendanceCols {
		for _, name := range r.names(c.col) {
			occurs[name]++
		}
	}
	out := map[*data.Member]vocab.Attendance{}
	entries := map[*data.Member]nameEntry{}
	reported := map[string]bool{}
	for _, c := range attendanceCols {
		for _, e := range r.entries(c.col) {
			name := e.name
			if c.status == vocab.Present && e.bracketed {
				r.fail(c.col, "“"+withReason(name, e.reason)+"”：出席的党员不填原因")
				continue
			}
			found := recorded[name]
			if len(found) == 0 {
				found = mi.names[branch.ID][name]
			}
			if len(found) == 0 {
				found = mi.former[branch.ID][name]
			}
			if len(found) == 0 && len(mi.anyBranch[name]) == 1 {
				// One member of that name, now in another branch: the
				// meeting was before the move (an export names them so).
				found = mi.anyBranch[name]
			}
			switch {
			case len(found) == 0:
				r.fail(c.col, "“"+name+"”不是本支部在册党员")
			case len(found) > 1 && occurs[name] != len(found):
				if !reported[name] {
					r.fail(c.col, "本支部有"+itoa(len(found))+"名“"+name+"”，无法确定是哪一位")
					reported[name] = true
				}
			case len(found) > 1:
				// Namesakes all named: each is one of them, those whose
				// recorded status matches the list first.
				if m := mi.namesake(found, out, meeting, c.status); m != nil {
					out[m], entries[m] = c.status, e
				}
			default:
				if prev, dup := out[found[0]]; dup {
					r.fail(c.col, "“"+name+"”已列在“"+string(prev)+"”中")
					continue
				}
				out[found[0]], entries[found[0]] = c.status, e
			}
		}
	}
	return out, entries
}

// namesake picks, among members of one name, one not yet assigned: one
// recorded at the meeting with the status first.
func (mi *meetingImporter) namesake(found []*data.Member, assigned map[*data.Member]vocab.Attendance,
	meeting *data.Meeting, status vocab.Attendance) *data.Member {
	var fallback *data.Member
	for _, m := range found {
		if _, taken := assigned[m]; taken {
			continue
		}
		if meeting != nil {
			if a := mi.attendance[meeting.ID+"|"+m.ID]; a != nil && a.Status == string(status) {
				return m
			}
		}
		if fallback == nil {
			fallback = m
		}
	}
	return fallback
}

// writeAttendance records each member's status and reason, in a fixed
// order. A name written without brackets keeps the reason recorded (none
// for 出席); 张三() clears it.
func (mi *meetingImporter) writeAttendance(ctx context.Context, tx *data.Tx, m *data.Meeting,
	statuses map[*data.Member]vocab.Attendance, entries map[*data.Member]nameEntry) (bool, error) {
	members := make([]*data.Member, 0, len(statuses))
	for mem := range statuses {
		members = append(members, mem)
	}
	sort.Slice(members, func(i, j int) bool { return strings.Compare(members[i].ID, members[j].ID) < 0 })
	changed := false
	for _, mem := range members {
		status := string(statuses[mem])
		key := m.ID + "|" + mem.ID
		if a, ok := mi.attendance[key]; ok {
			reason := reasonOf(entries[mem], statuses[mem], a.Reason)
			if a.Status == status && a.Reason == reason {
				continue
			}
			rec := *a
			rec.Status, rec.Reason = status, reason
			if err := tx.MeetingAttendance.Update(ctx, &rec); err != nil {
				return false, err
			}
			saved := *a
			*a, changed = rec, true
			mi.undo = append(mi.undo, func() { *a = saved })
			continue
		}
		a := &data.MeetingAttendance{MeetingID: data.Ref(m.ID), MemberID: data.Ref(mem.ID), Status: status,
			Reason: reasonOf(entries[mem], statuses[mem], "")}
		if err := tx.MeetingAttendance.Create(ctx, a); err != nil {
			return false, err
		}
		mi.attendance[key], changed = a, true
		mi.attendees[m.ID] = append(mi.attendees[m.ID], mem.ID)
		mi.pending = append(mi.pending, "a:"+key)
		meetingID := m.ID
		mi.undo = append(mi.undo, func() {
			list := mi.attendees[meetingID]
			mi.attendees[meetingID] = list[:len(list)-1]
		})
	}
	return changed, nil
}

func (mi *meetingImporter) settle(ok bool) {
	if !ok {
		for _, k := range mi.pending {
			delete(mi.attendance, k[2:])
		}
		for _, restore := range mi.undo {
			restore()
		}
	}
	mi.pending, mi.undo = mi.pending[:0], mi.undo[:0]
}

// reasonOf is the reason to record for a member listed as e with the
// status: the one in brackets, else the one recorded, and none for 出席.
func reasonOf(e nameEntry, status vocab.Attendance, recorded string) string {
	switch {
	case status == vocab.Present:
		return ""
	case e.bracketed:
		return e.reason
	}
	return recorded
}
