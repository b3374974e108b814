package cli

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
)

func init() {
	settings := group{name: "settings", subs: []sub{
		{"list", "列出各项规则设置及其取值", runSettingsList},
		{"set", "修改一项规则设置（给出键和值）", runSettingsSet},
		{"dev-rules", "列出发展党员规则的各版本及其各项期限", runSettingsDevRules},
		{"dev-rules-add", "新增发展党员规则版本（修订后的细则），不改程序", runSettingsDevRulesAdd}}}
	commands["settings"] = command{"规则设置（settings list | settings set | settings dev-rules | settings dev-rules-add）", settings.run}
}

func runSettingsList(e *env, args []string) int {
	fs := e.flags("settings list", "")
	db := dbFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	s, code := openReader(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	set, err := s.RuleSettings(e.ctx)
	if err != nil {
		return e.fail(ExitUsage, "无法读取设置：%v", err)
	}
	values := set.Values()
	defaults := rules.DefaultSettings().Values()
	rows := [][]string{{"键", "设置项", "取值", ""}}
	for _, d := range rules.SettingDefs {
		mark := ""
		if values[d.Key] == defaults[d.Key] {
			mark = "（默认）"
		}
		rows = append(rows, []string{d.Key, d.Label, values[d.Key], mark})
	}
	e.printTable(rows)
	return ExitOK
}

func runSettingsSet(e *env, args []string) int {
	fs := e.flags("settings set", "键 值", "键见 dangjian settings list；发展党员规则版本（dev.version）须为 settings dev-rules 列出的版本")
	db := dbFlag(fs)
	pos, ok, code := e.parseWith(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return e.usageError(fs, "请给出设置的键和值，如 dangjian settings set train.hours 40")
	}
	if !rules.IsSetting(pos[0]) {
		return e.usageError(fs, "没有设置项“%s”；各设置项的键见 dangjian settings list", pos[0])
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	if err := s.SetSetting(e.ctx, pos[0], pos[1]); err != nil {
		return e.fail(ExitUsage, "未修改：%v", err)
	}
	e.printf("已设置“%s”为 %s\n", rules.SettingLabel(pos[0]), pos[1])
	return ExitOK
}

func runSettingsDevRules(e *env, args []string) int {
	fs := e.flags("settings dev-rules", "")
	db := dbFlag(fs)
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	s, code := openReader(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	all, err := s.DevRuleVersionsAll(e.ctx)
	if err != nil {
		return e.fail(ExitUsage, "无法读取发展党员规则版本：%v", err)
	}
	inForce, err := s.DevRules(e.ctx)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	for _, d := range all {
		mark := ""
		if d.Version == inForce.Version {
			mark = "（选用）"
		}
		since := "一直"
		if !d.Since.IsZero() {
			since = d.Since.Format(time.DateOnly) + "起"
		}
		e.printf("版本 %s%s：%s，%s施行\n", d.Version, mark, d.Title, since)
		for _, def := range rules.DevParamDefs {
			e.printf("  %-22s %-4d %s\n", def.Key, def.Get(d.Params), def.Label)
		}
	}
	e.printf("选用某版本：dangjian settings set %s 版本名；该版本自其施行日期起适用，此前的步骤仍按此前的版本检查\n",
		rules.DevRulesSetting)
	return ExitOK
}

func runSettingsDevRulesAdd(e *env, args []string) int {
	fs := e.flags("settings dev-rules-add", "",
		"以 --from 的版本（默认：选用中的版本）为底，--set 改动其中各项期限；键见 dangjian settings dev-rules")
	db := dbFlag(fs)
	name := fs.String("name", "", "新版本的名称，如 2026")
	title := fs.String("title", "", "依据的文件，如《中国共产党发展党员工作细则》（2026年修订）")
	since := fs.String("since", "", "施行日期（年-月-日）；此前的步骤仍按此前的版本检查")
	from := fs.String("from", "", "以哪个版本为底（默认：选用中的版本）")
	var sets mapFlag
	fs.Var(&sets, "set", "改动一项期限，键=值，如 probation_months=12；可重复")
	use := fs.Bool("use", false, "新增后即选用")
	if ok, code := e.parse(fs, args); !ok {
		return code
	}
	if strings.TrimSpace(*name) == "" || strings.TrimSpace(*title) == "" || strings.TrimSpace(*since) == "" {
		return e.usageError(fs, "请用 --name、--title 和 --since 给出版本名称、依据的文件和施行日期")
	}
	day, err := field.ParseDate(*since)
	if err != nil {
		return e.usageError(fs, "施行日期“%s”无效：%v", *since, err)
	}
	s, code := openStore(e, *db, e.now)
	if s == nil {
		return code
	}
	defer s.Close()
	base, err := s.DevRules(e.ctx)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if *from != "" {
		all, err := s.DevRuleVersionsAll(e.ctx)
		if err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		i := slices.IndexFunc(all, func(d rules.DevRules) bool { return d.Version == *from })
		if i < 0 {
			return e.fail(ExitUsage, "没有名为“%s”的发展党员规则版本（见 dangjian settings dev-rules）", *from)
		}
		base = all[i]
	}
	d := base
	d.Version, d.Title, d.Since, d.Earlier = strings.TrimSpace(*name), strings.TrimSpace(*title), day, nil
	for _, kv := range sets {
		key, value, ok := strings.Cut(kv, "=")
		if !ok {
			return e.usageError(fs, "--set “%s”：应为 键=值，键见 dangjian settings dev-rules", kv)
		}
		i := slices.IndexFunc(rules.DevParamDefs, func(def rules.DevParamDef) bool { return def.Key == strings.TrimSpace(key) })
		if i < 0 {
			return e.usageError(fs, "--set “%s”：没有“%s”这一项，各项的键见 dangjian settings dev-rules", kv, key)
		}
		n, err := strconv.Atoi(field.Normalize(value))
		if err != nil {
			return e.usageError(fs, "--set “%s”：%s应为整数", kv, rules.DevParamDefs[i].Label)
		}
		if err := rules.DevParamDefs[i].Set(&d.Params, n); err != nil {
			return e.usageError(fs, "%v", err)
		}
	}
	v := &data.DevRuleVersion{Name: d.Version, Title: d.Title, Body: d.EncodeBody()}
	if err := s.DevRuleVersions.Create(e.ctx, v); err != nil {
		return e.fail(ExitUsage, "未新增：%v", err)
	}
	e.printf("已新增发展党员规则版本“%s”（%s起施行）\n", d.Version, day.Format(time.DateOnly))
	if *use {
		if err := s.SetSetting(e.ctx, rules.DevRulesSetting, d.Version); err != nil {
			return e.fail(ExitUsage, "未选用：%v", err)
		}
		e.printf("已选用“%s”\n", d.Version)
	}
	return ExitOK
}
