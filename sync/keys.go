package snapshot

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"

	"dangjian/data/localfs"
)

// PassphraseEnv names the environment variable that unlocks key files in
// scripts.
const PassphraseEnv = "DANGJIAN_PASSPHRASE"

// MinPassphraseLen is the shortest passphrase accepted for a new key file.
const MinPassphraseLen = 8

const keyFileFormat = "dangjian-org-keys/1"

// Errors about key files.
var (
	ErrNoKeys          = errors.New("尚未生成本组织的密钥")
	ErrKeysExist       = errors.New("密钥文件已存在")
	ErrWrongPassphrase = errors.New("口令不正确，无法解开密钥文件")
	ErrWeakPassphrase  = fmt.Errorf("口令太短，至少需要%d个字符", MinPassphraseLen)
	ErrNoPassphrase    = fmt.Errorf("需要口令：请设置环境变量 %s", PassphraseEnv)
	// ErrKeysDamaged means the key file cannot be read or was altered:
	// it must be restored from a backup (or new keys enrolled).
	ErrKeysDamaged = errors.New("密钥文件已损坏")
)

// scryptWorkFactor is age's scrypt cost for key files (2^18, about a
// second); tests lower it.
var scryptWorkFactor = 16

// PublicKeys is what an organization hands to the committee for
// enrollment (org-keys.json).
type PublicKeys struct {
	OrgID        string `json:"org_id"`
	OrgName      string `json:"org_name"`
	AgeRecipient string `json:"age_recipient"`
	SigningKey   string `json:"signing_key"` // Ed25519 public key, standard base64
}

// Validate checks that the keys parse.
func (p PublicKeys) Validate() error {
	if !validOrgID(p.OrgID) {
		return errors.New("org_id 不是有效的组织编号")
	}
	if strings.TrimSpace(p.OrgName) == "" {
		return errors.New("缺少 org_name")
	}
	if _, err := age.ParseX25519Recipient(p.AgeRecipient); err != nil {
		return errors.New("age_recipient 不是有效的 age 公钥")
	}
	if _, err := p.verifier(); err != nil {
		return err
	}
	return nil
}

func (p PublicKeys) verifier() (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(p.SigningKey)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("signing_key 不是有效的 Ed25519 公钥(base64)")
	}
	return ed25519.PublicKey(b), nil
}

// ParsePublicKeys reads an org-keys.json, refusing unknown fields and keys
// that do not parse.
func ParsePublicKeys(b []byte) (PublicKeys, error) {
	var p PublicKeys
	if err := decodeStrict(b, &p); err != nil {
		return p, fmt.Errorf("组织公钥文件格式错误: %w", err)
	}
	if err := p.Validate(); err != nil {
		return p, fmt.Errorf("组织公钥文件无效: %w", err)
	}
	return p, nil
}

// decodeStrict decodes one JSON value of at most 1 MiB, refusing unknown
// fields and trailing data.
func decodeStrict(b []byte, v any) error {
	if len(b) > 1<<20 {
		return errors.New("文件过大")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("多余的内容")
	}
	return nil
}

// keyFile is the file beside the database: the public keys in clear, the
// private keys age-encrypted with the passphrase.
type keyFile struct {
	Format    string     `json:"format"`
	Public    PublicKeys `json:"public"`
	CreatedAt time.Time  `json:"created_at"`
	Secret    string     `json:"secret"` // armored age (scrypt) of secretKeys
}

type secretKeys struct {
	AgeIdentity string `json:"age_identity"`
	SigningSeed string `json:"signing_seed"` // Ed25519 seed, base64
}

// Keys are an organization's unlocked keys.
type Keys struct {
	Public   PublicKeys
	identity *age.X25519Identity
	signer   ed25519.PrivateKey
}

// KeyPath is the key file of the database at dbPath: same folder and name,
// extension .keys.
func KeyPath(dbPath string) string {
	return localfs.Beside(dbPath, localfs.KeysEnding)
}

// CreateKeys makes the organization's age identity and Ed25519 signing
// key and writes them to path, encrypted with passphrase. It refuses to
// replace an existing key file.
func CreateKeys(path, orgID, orgName, passphrase string, now time.Time) (*Keys, error) {
	if len([]rune(passphrase)) < MinPassphraseLen {
		return nil, ErrWeakPassphrase
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrKeysExist, path)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	k := &Keys{
		Public: PublicKeys{OrgID: orgID, OrgName: orgName, AgeRecipient: id.Recipient().String(),
			SigningKey: base64.StdEncoding.EncodeToString(pub)},
		identity: id, signer: priv,
	}
	secret, err := json.Marshal(secretKeys{AgeIdentity: id.String(), SigningSeed: base64.StdEncoding.EncodeToString(priv.Seed())})
	if err != nil {
		return nil, err
	}
	sealed, err := encryptWithPassphrase(secret, passphrase)
	if err != nil {
		return nil, err
	}
	body, err := json.MarshalIndent(keyFile{Format: keyFileFormat, Public: k.Public, CreatedAt: now.UTC().Truncate(time.Second), Secret: sealed}, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := writeNewFile(path, append(body, '\n')); err != nil {
		return nil, err
	}
	return k, nil
}

func encryptWithPassphrase(plain []byte, passphrase string) (string, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return "", err
	}
	r.SetWorkFactor(scryptWorkFactor)
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(plain); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	if err := aw.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func decryptWithPassphrase(sealed, passphrase string) ([]byte, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	r, err := age.Decrypt(armor.NewReader(strings.NewReader(sealed)), id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, ErrWrongPassphrase
		}
		return nil, ErrKeysDamaged
	}
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil, ErrKeysDamaged
	}
	return b, nil
}

// damagedKey names the key file that could not be read, for the user.
func damagedKey(path string, err error) error {
	if errors.Is(err, ErrKeysDamaged) {
		return fmt.Errorf("%w：密钥文件 %s 已损坏或不是密钥文件，请从备份恢复", ErrKeysDamaged, path)
	}
	return err
}

func readKeyFile(path string) (keyFile, error) {
	var kf keyFile
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return kf, fmt.Errorf("%w(%s)", ErrNoKeys, path)
	}
	if err != nil {
		return kf, err
	}
	if err := decodeStrict(b, &kf); err != nil || kf.Format != keyFileFormat {
		return kf, fmt.Errorf("%w(格式错误,请从备份恢复): %s", ErrKeysDamaged, path)
	}
	if err := kf.Public.Validate(); err != nil {
		return kf, fmt.Errorf("%w(%v,请从备份恢复): %s", ErrKeysDamaged, err, path)
	}
	return kf, nil
}

// ReadPublicKeys returns the public keys from the key file at path; no
// passphrase is needed.
func ReadPublicKeys(path string) (PublicKeys, error) {
	kf, err := readKeyFile(path)
	return kf.Public, err
}

// UnlockKeys decrypts the key file at path with passphrase and checks that
// the private keys match the public ones.
func UnlockKeys(path, passphrase string) (*Keys, error) {
	kf, err := readKeyFile(path)
	if err != nil {
		return nil, err
	}
	plain, err := decryptWithPassphrase(kf.Secret, passphrase)
	if err != nil {
		return nil, damagedKey(path, err)
	}
	var sk secretKeys
	if err := decodeStrict(plain, &sk); err != nil {
		return nil, damagedKey(path, ErrKeysDamaged)
	}
	id, err := age.ParseX25519Identity(sk.AgeIdentity)
	if err != nil {
		return nil, damagedKey(path, ErrKeysDamaged)
	}
	seed, err := base64.StdEncoding.DecodeString(sk.SigningSeed)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: 签名密钥无效", ErrKeysDamaged)
	}
	k := &Keys{Public: kf.Public, identity: id, signer: ed25519.NewKeyFromSeed(seed)}
	pub := base64.StdEncoding.EncodeToString(k.signer.Public().(ed25519.PublicKey))
	if id.Recipient().String() != kf.Public.AgeRecipient || pub != kf.Public.SigningKey {
		return nil, fmt.Errorf("%w: 文件已被改动,公钥与私钥不匹配", ErrKeysDamaged)
	}
	return k, nil
}

// Recipient is the organization's own age recipient.
func (k *Keys) Recipient() age.Recipient { return k.identity.Recipient() }

// Identity decrypts what was encrypted to Recipient.
func (k *Keys) Identity() age.Identity { return k.identity }

func (k *Keys) sign(msg []byte) []byte { return ed25519.Sign(k.signer, msg) }
