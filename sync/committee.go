package snapshot

import (
	"context"
	"dangjian/data/localfs"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"filippo.io/age"
)

const committeeFormat = "dangjian-committee/1"

// Files of a committee folder: the two by which localfs.CommitteeFolder
// knows one, and the organizations' folder.
const (
	committeeConfigFile = localfs.CommitteeConfigFile
	committeeKeyFile    = localfs.CommitteeKeyFile
	orgsDir             = "orgs"
)

// Files of an organization's folder orgs/<org-id>/.
const (
	orgFile      = "org.json"      // the enrolled keys
	acceptedFile = "accepted.json" // the last accepted snapshot
	statusFile   = "status.json"   // the outcome of the last check
	policyFile   = "policy.json"   // the bucket policy of its access key
)

// ErrCommitteeExists means the folder already holds a committee.
var ErrCommitteeExists = errors.New("该目录已是党委的同步目录")

// CommitteeConfig is the committee's server and public key, kept in
// committee.json; its private key is in committee.key, encrypted with the
// passphrase.
type CommitteeConfig struct {
	Format       string    `json:"format"`
	Endpoint     string    `json:"endpoint"`
	Bucket       string    `json:"bucket"`
	AccessKey    string    `json:"access_key"`
	SecretKey    string    `json:"secret_key"`
	AgeRecipient string    `json:"age_recipient"`
	CreatedAt    time.Time `json:"created_at"`
	// SigningKey is the public half of the Ed25519 key that signs what the
	// committee publishes (standard base64); "" in a folder made before
	// the channel existed, until its first publication.
	SigningKey string `json:"signing_key,omitempty"`
}

func (c CommitteeConfig) endpoint() Endpoint {
	return Endpoint{URL: c.Endpoint, Bucket: c.Bucket, AccessKey: c.AccessKey, SecretKey: c.SecretKey}
}

// Committee is an open committee folder.
type Committee struct {
	Dir    string
	Config CommitteeConfig
}

// InitCommittee makes the committee's age identity in dir, records the
// server, and creates the bucket when it is missing. Nothing is written
// when the server cannot be reached.
func InitCommittee(ctx context.Context, dir string, e Endpoint, passphrase string, now time.Time) (*Committee, error) {
	return createCommittee(ctx, dir, e, passphrase, now, func(ctx context.Context) error {
		m, err := NewMinIO(e)
		if err != nil {
			return err
		}
		return m.EnsureBucket(ctx)
	})
}

// createCommittee is InitCommittee with the bucket made ready by
// ensureBucket (tests without a server pass one that does nothing).
func createCommittee(ctx context.Context, dir string, e Endpoint, passphrase string, now time.Time,
	ensureBucket func(context.Context) error) (*Committee, error) {
	if len([]rune(passphrase)) < MinPassphraseLen {
		return nil, ErrWeakPassphrase
	}
	if _, err := os.Stat(filepath.Join(dir, committeeConfigFile)); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrCommitteeExists, dir)
	}
	_, statErr := os.Stat(dir)
	l, err := lockCommittee(dir)
	if err != nil {
		return nil, err
	}
	c, err := initCommittee(ctx, dir, e, passphrase, now, ensureBucket)
	l.Unlock()
	if err != nil {
		// Leave no trace of the attempt: the lock file, and the folder
		// when it made it.
		if !errors.Is(err, ErrCommitteeExists) {
			os.Remove(filepath.Join(dir, committeeLockFile))
			if errors.Is(statErr, os.ErrNotExist) {
				os.Remove(dir)
			}
		}
		return nil, err
	}
	return c, nil
}

func initCommittee(ctx context.Context, dir string, e Endpoint, passphrase string, now time.Time,
	ensureBucket func(context.Context) error) (*Committee, error) {
	if _, err := os.Stat(filepath.Join(dir, committeeConfigFile)); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrCommitteeExists, dir)
	}
	if _, err := NewMinIO(e); err != nil {
		return nil, err
	}
	if err := ensureBucket(ctx); err != nil {
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	sealed, err := encryptWithPassphrase([]byte(id.String()), passphrase)
	if err != nil {
		return nil, err
	}
	if err := writeNewFile(filepath.Join(dir, committeeKeyFile), []byte(sealed)); err != nil {
		return nil, fmt.Errorf("无法写入党委密钥: %w", err)
	}
	signer, err := newSigningKey(dir, passphrase)
	if err != nil {
		os.Remove(filepath.Join(dir, committeeKeyFile))
		return nil, err
	}
	c := &Committee{Dir: dir, Config: CommitteeConfig{
		Format: committeeFormat, Endpoint: e.URL, Bucket: e.Bucket, AccessKey: e.AccessKey, SecretKey: e.SecretKey,
		AgeRecipient: id.Recipient().String(), CreatedAt: now.UTC().Truncate(time.Second),
		SigningKey: publicSigningKey(signer),
	}}
	if err := writeJSON(filepath.Join(dir, committeeConfigFile), c.Config, false); err != nil {
		os.Remove(filepath.Join(dir, committeeKeyFile))
		os.Remove(filepath.Join(dir, committeeSigningFile))
		return nil, err
	}
	return c, nil
}

// OpenCommittee opens a committee folder made by InitCommittee.
func OpenCommittee(dir string) (*Committee, error) {
	b, err := os.ReadFile(filepath.Join(dir, committeeConfigFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("该目录不是党委的同步目录(没有 %s,请先运行 dangjian committee init): %s", committeeConfigFile, dir)
	}
	if err != nil {
		return nil, err
	}
	c := &Committee{Dir: dir}
	if err := decodeStrict(b, &c.Config); err != nil || c.Config.Format != committeeFormat {
		return nil, fmt.Errorf("%s 格式错误", committeeConfigFile)
	}
	return c, nil
}

// Unlock decrypts the committee's private key with passphrase.
func (c *Committee) Unlock(passphrase string) (*age.X25519Identity, error) {
	b, err := os.ReadFile(filepath.Join(c.Dir, committeeKeyFile))
	if err != nil {
		return nil, fmt.Errorf("无法读取党委密钥: %w", err)
	}
	plain, err := decryptWithPassphrase(string(b), passphrase)
	if err != nil {
		return nil, damagedKey(filepath.Join(c.Dir, committeeKeyFile), err)
	}
	id, err := age.ParseX25519Identity(string(plain))
	if err != nil || id.Recipient().String() != c.Config.AgeRecipient {
		return nil, errors.New("党委密钥文件已损坏或与配置不符")
	}
	return id, nil
}

// EnrolledOrg is an organization registered with the committee.
type EnrolledOrg struct {
	Public     PublicKeys `json:"public"`
	AccessKey  string     `json:"access_key"`
	EnrolledAt time.Time  `json:"enrolled_at"`
}

// Accepted is the last snapshot of an organization that passed every check.
type Accepted struct {
	Seq            uint64    `json:"seq"`
	ManifestSHA256 string    `json:"manifest_sha256"`
	Manifest       Manifest  `json:"manifest"`
	File           string    `json:"file"` // the ciphertext kept, in the organization's folder
	AcceptedAt     time.Time `json:"accepted_at"`
}

// file is the kept ciphertext's name, "" when the record names none or
// names something outside the organization's folder.
func (a Accepted) file() string {
	if filepath.Base(a.File) != a.File || !strings.HasPrefix(a.File, "accepted-") {
		return ""
	}
	return a.File
}

// OrgStatus is the outcome of the last check of an organization.
type OrgStatus struct {
	CheckedAt time.Time `json:"checked_at"`
	Seq       uint64    `json:"seq"`      // the manifest checked
	Status    string    `json:"status"`   // accepted | rejected | missing
	Reason    string    `json:"reason"`   // why it was rejected
	UsedSeq   uint64    `json:"used_seq"` // the snapshot merged, 0 for none
}

// Statuses of an organization in a consolidation.
const (
	StatusAccepted = "accepted"
	StatusRejected = "rejected"
	StatusMissing  = "missing"
)

// StatusText names a status for people: 已接受, 已拒绝, 无快照.
func StatusText(status string) string {
	switch status {
	case StatusAccepted:
		return "已接受"
	case StatusRejected:
		return "已拒绝"
	case StatusMissing:
		return "无快照"
	}
	return status
}

// OrgView is everything the committee knows of one organization.
type OrgView struct {
	EnrolledOrg
	Accepted *Accepted
	Status   *OrgStatus
	// Rebase is the committee's last decision to let the organization
	// start a new chain, nil for none (its seal is checked when used).
	Rebase *Rebase
	// Damaged, when set, says that a file the committee keeps about the
	// organization (DamagedFile: org.json, accepted.json or rebase.json)
	// cannot be read: its snapshots are then not checked, since without
	// that record rollback and fork protection would be lost.
	Damaged     string
	DamagedFile string
}

func (c *Committee) orgDir(orgID string) string { return filepath.Join(c.Dir, orgsDir, orgID) }

// Enroll registers an organization's public keys with the access key the
// administrator created for it, saves the bucket policy for that key
// (PolicyPath), and returns the enrollment to send to it. Enrolling again
// with the same keys updates the access key; different keys for an
// enrolled organization are refused, and so is an organization whose
// record is damaged (its keys cannot be compared).
func (c *Committee) Enroll(pub PublicKeys, accessKey, secretKey string, now time.Time) (Enrollment, error) {
	e := Enrollment{Format: enrollmentFormat, Endpoint: c.Config.Endpoint, Bucket: c.Config.Bucket,
		AccessKey: accessKey, SecretKey: secretKey, CommitteeRecipient: c.Config.AgeRecipient,
		CommitteeSigningKey: c.Config.SigningKey, OrgID: pub.OrgID, OrgName: pub.OrgName}
	if err := pub.Validate(); err != nil {
		return e, err
	}
	if err := e.validate(); err != nil {
		return e, err
	}
	l, err := c.lock()
	if err != nil {
		return e, err
	}
	defer l.Unlock()
	old, err := c.enrolled(pub.OrgID)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return e, fmt.Errorf("组织 %s 的登记信息已损坏(%v),无法确认此次的公钥与原来的相同;请从备份恢复 %s,或删除该文件夹后重新登记",
			pub.OrgID, err, filepath.Join(c.orgDir(pub.OrgID), orgFile))
	case old.Public.SigningKey != pub.SigningKey || old.Public.AgeRecipient != pub.AgeRecipient:
		return e, fmt.Errorf("组织“%s”已登记,且公钥与此次不同;如确需更换密钥,请先删除 %s", old.Public.OrgName, c.orgDir(pub.OrgID))
	}
	rec := EnrolledOrg{Public: pub, AccessKey: accessKey, EnrolledAt: now.UTC().Truncate(time.Second)}
	if err := writeJSON(filepath.Join(c.orgDir(pub.OrgID), orgFile), rec, true); err != nil {
		return e, err
	}
	policy := []byte(OrgPolicy(c.Config.Bucket, pub.OrgID))
	if err := writeFile(c.PolicyPath(pub.OrgID), policy); err != nil {
		return e, fmt.Errorf("无法写入存储桶策略: %w", err)
	}
	return e, nil
}

// PolicyPath is where Enroll saved the bucket policy of the organization's
// access key.
func (c *Committee) PolicyPath(orgID string) string {
	return filepath.Join(c.orgDir(orgID), policyFile)
}

// enrolled reads and checks the organization's org.json.
func (c *Committee) enrolled(orgID string) (EnrolledOrg, error) {
	var o EnrolledOrg
	if err := readJSON(filepath.Join(c.orgDir(orgID), orgFile), &o); err != nil {
		return o, err
	}
	if err := o.Public.Validate(); err != nil {
		return o, err
	}
	if o.Public.OrgID != orgID {
		return o, errors.New("其中的组织编号与文件夹不符")
	}
	return o, nil
}

// Orgs lists the enrolled organizations by id, with what is known of them.
// An organization whose files cannot be read is listed with Damaged set.
func (c *Committee) Orgs() ([]OrgView, error) {
	entries, err := os.ReadDir(filepath.Join(c.Dir, orgsDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []OrgView
	for _, e := range entries {
		if !e.IsDir() || !validOrgID(e.Name()) {
			continue
		}
		v, err := c.org(e.Name())
		if errors.Is(err, ErrUnknownOrg) {
			continue
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Public.OrgID < out[j].Public.OrgID })
	return out, nil
}

// org reads what the committee keeps of one organization. A folder with
// no org.json at all is no organization (ErrUnknownOrg); any file that
// cannot be read is told in Damaged.
func (c *Committee) org(orgID string) (OrgView, error) {
	var v OrgView
	dir := c.orgDir(orgID)
	if _, err := os.Stat(dir); err != nil {
		return v, fmt.Errorf("%w: %s", ErrUnknownOrg, orgID)
	}
	damaged := func(file string, err error) {
		if v.Damaged == "" {
			v.DamagedFile = file
			v.Damaged = fmt.Sprintf("委员会保存的该组织状态已损坏(%s: %v),为免失去回滚和分叉保护,该组织未核验、未汇总;请从备份恢复该文件%s",
				filepath.ToSlash(filepath.Join(orgsDir, orgID, file)), err, damagedHint(file))
		}
	}
	org, err := c.enrolled(orgID)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if _, serr := os.Stat(filepath.Join(dir, acceptedFile)); serr != nil {
			return v, fmt.Errorf("%w: %s", ErrUnknownOrg, orgID)
		}
		damaged(orgFile, errors.New("文件缺失"))
	case err != nil:
		damaged(orgFile, err)
	}
	v.EnrolledOrg = org
	if v.Damaged != "" {
		v.Public.OrgID, v.Public.OrgName = orgID, orgID
		return v, nil
	}
	var r Rebase
	if err := readJSON(filepath.Join(dir, rebaseFile), &r); err == nil {
		v.Rebase = &r
	} else if !errors.Is(err, os.ErrNotExist) {
		damaged(rebaseFile, err)
	}
	acc, err := readAccepted(dir, orgID)
	switch {
	case err != nil:
		damaged(acceptedFile, err)
	default:
		v.Accepted = acc
	}
	var st OrgStatus
	if readJSON(filepath.Join(dir, statusFile), &st) == nil {
		v.Status = &st
	}
	return v, nil
}

// damagedHint tells how to recover from a damaged file besides a backup.
func damagedHint(file string) string {
	switch file {
	case orgFile:
		return ",或删除该组织的文件夹后重新登记"
	case acceptedFile:
		return ",或运行 dangjian committee rebase 为该组织重新确立快照链"
	}
	return ",或重新运行 dangjian committee rebase"
}

// readAccepted reads an organization's accepted.json: nil when it has
// none (nothing accepted yet), an error when it cannot be trusted.
func readAccepted(dir, orgID string) (*Accepted, error) {
	var acc Accepted
	err := readJSON(filepath.Join(dir, acceptedFile), &acc)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	switch {
	case acc.Seq == 0 || acc.Seq != acc.Manifest.Seq:
		return nil, errors.New("序号无效")
	case !isSHA256Hex(acc.ManifestSHA256):
		return nil, errors.New("清单校验和无效")
	case acc.Manifest.OrgID != orgID:
		return nil, errors.New("其中的组织编号与文件夹不符")
	case acc.file() == "":
		return nil, errors.New("快照文件名无效")
	}
	return &acc, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("文件 %s 已损坏（内容不是有效的数据格式），无法读取", path)
	}
	return nil
}

// writeJSON writes v as indented JSON to path, whole or not at all,
// readable by the user only; with replace false an existing file is
// refused (os.ErrExist).
func writeJSON(path string, v any, replace bool) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if !replace {
		return writeNewFile(path, b)
	}
	return writeFile(path, b)
}
