package snapshot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/google/uuid"
)

const committeeFormat = "dangjian-committee/1"

// Files of a committee folder.
const (
	committeeConfigFile = "committee.json"
	committeeKeyFile    = "committee.key"
	orgsDir             = "orgs"
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
	if len([]rune(passphrase)) < MinPassphraseLen {
		return nil, ErrWeakPassphrase
	}
	if _, err := os.Stat(filepath.Join(dir, committeeConfigFile)); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrCommitteeExists, dir)
	}
	m, err := NewMinIO(e)
	if err != nil {
		return nil, err
	}
	if err := m.EnsureBucket(ctx); err != nil {
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
	if err := writeFileAtomic(filepath.Join(dir, committeeKeyFile), []byte(sealed), 0o600, false); err != nil {
		return nil, fmt.Errorf("无法写入党委密钥: %w", err)
	}
	c := &Committee{Dir: dir, Config: CommitteeConfig{
		Format: committeeFormat, Endpoint: e.URL, Bucket: e.Bucket, AccessKey: e.AccessKey, SecretKey: e.SecretKey,
		AgeRecipient: id.Recipient().String(), CreatedAt: now.UTC().Truncate(time.Second),
	}}
	if err := writeJSON(filepath.Join(dir, committeeConfigFile), c.Config, false); err != nil {
		os.Remove(filepath.Join(dir, committeeKeyFile))
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
		return nil, err
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
}

func (c *Committee) orgDir(orgID string) string { return filepath.Join(c.Dir, orgsDir, orgID) }

// Enroll registers an organization's public keys with the access key the
// administrator created for it, and returns the enrollment to send to it.
// Enrolling again with the same keys updates the access key; different
// keys for an enrolled organization are refused.
func (c *Committee) Enroll(pub PublicKeys, accessKey, secretKey string, now time.Time) (Enrollment, error) {
	e := Enrollment{Format: enrollmentFormat, Endpoint: c.Config.Endpoint, Bucket: c.Config.Bucket,
		AccessKey: accessKey, SecretKey: secretKey, CommitteeRecipient: c.Config.AgeRecipient,
		OrgID: pub.OrgID, OrgName: pub.OrgName}
	if err := pub.Validate(); err != nil {
		return e, err
	}
	if err := e.validate(); err != nil {
		return e, err
	}
	path := filepath.Join(c.orgDir(pub.OrgID), "org.json")
	var old EnrolledOrg
	if err := readJSON(path, &old); err == nil {
		if old.Public.SigningKey != pub.SigningKey || old.Public.AgeRecipient != pub.AgeRecipient {
			return e, fmt.Errorf("组织“%s”已登记,且公钥与此次不同;如确需更换密钥,请先删除 %s", old.Public.OrgName, c.orgDir(pub.OrgID))
		}
	}
	rec := EnrolledOrg{Public: pub, AccessKey: accessKey, EnrolledAt: now.UTC().Truncate(time.Second)}
	return e, writeJSON(path, rec, true)
}

// Orgs lists the enrolled organizations by id, with what is known of them.
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
		if _, err := uuid.Parse(e.Name()); !e.IsDir() || err != nil {
			continue
		}
		var v OrgView
		if err := readJSON(filepath.Join(c.orgDir(e.Name()), "org.json"), &v.EnrolledOrg); err != nil {
			return nil, fmt.Errorf("组织 %s 的登记信息无法读取: %w", e.Name(), err)
		}
		var acc Accepted
		if readJSON(filepath.Join(c.orgDir(e.Name()), "accepted.json"), &acc) == nil {
			v.Accepted = &acc
		}
		var st OrgStatus
		if readJSON(filepath.Join(c.orgDir(e.Name()), "status.json"), &st) == nil {
			v.Status = &st
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Public.OrgID < out[j].Public.OrgID })
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func writeJSON(path string, v any, replace bool) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'), 0o600, replace)
}
