package snapshot

import (
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"
	"github.com/google/uuid"
)

const enrollmentFormat = "dangjian-enrollment/1"

// Enrollment is what the committee gives an organization: where to push,
// with which credentials (limited to orgs/<org-id>/ by a bucket policy),
// and to whom besides itself to encrypt.
type Enrollment struct {
	Format             string `json:"format"`
	Endpoint           string `json:"endpoint"`
	Bucket             string `json:"bucket"`
	AccessKey          string `json:"access_key"`
	SecretKey          string `json:"secret_key"`
	CommitteeRecipient string `json:"committee_recipient"`
	// CommitteeSigningKey is the committee's Ed25519 public key (standard
	// base64), which signs what it publishes under committee/; an
	// enrollment file made before the channel existed has none.
	CommitteeSigningKey string `json:"committee_signing_key,omitempty"`
	OrgID               string `json:"org_id"`
	OrgName             string `json:"org_name,omitempty"`
}

// ParseEnrollment reads an enrollment file strictly.
func ParseEnrollment(b []byte) (Enrollment, error) {
	var e Enrollment
	if err := decodeStrict(b, &e); err != nil {
		return e, fmt.Errorf("登记文件格式错误: %v", err)
	}
	if err := e.validate(); err != nil {
		return e, fmt.Errorf("登记文件无效: %w", err)
	}
	return e, nil
}

func (e Enrollment) validate() error {
	switch {
	case e.Format != enrollmentFormat:
		return fmt.Errorf("格式不受支持: %q", e.Format)
	case !validOrgID(e.OrgID):
		return errors.New("org_id 不是有效的组织编号")
	case strings.TrimSpace(e.AccessKey) == "" || e.SecretKey == "":
		return errors.New("缺少访问密钥")
	}
	if _, err := age.ParseX25519Recipient(e.CommitteeRecipient); err != nil {
		return errors.New("committee_recipient 不是有效的 age 公钥")
	}
	if e.CommitteeSigningKey != "" {
		if _, err := parseSigningKey(e.CommitteeSigningKey); err != nil {
			return errors.New("committee_signing_key 不是有效的 Ed25519 公钥(base64)")
		}
	}
	if _, err := NewMinIO(e.endpoint()); err != nil {
		return err
	}
	return nil
}

// validOrgID accepts the canonical lower-case UUID form only, so that an
// org id is always safe as a folder name and an object prefix.
func validOrgID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil && len(id) == 36 && strings.ToLower(id) == id
}

func (e Enrollment) endpoint() Endpoint {
	return Endpoint{URL: e.Endpoint, Bucket: e.Bucket, AccessKey: e.AccessKey, SecretKey: e.SecretKey}
}
