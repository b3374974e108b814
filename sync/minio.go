package snapshot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Endpoint is how to reach a bucket on an S3-compatible server.
type Endpoint struct {
	URL       string // http://host:port or https://host:port; the scheme decides TLS
	Bucket    string
	AccessKey string
	SecretKey string
}

// MinIO is a Backend on one bucket of a MinIO (or other S3) server.
type MinIO struct {
	client *minio.Client
	bucket string
}

// NewMinIO connects to the endpoint's bucket (no request is made yet).
func NewMinIO(e Endpoint) (*MinIO, error) {
	u, err := url.Parse(strings.TrimSpace(e.URL))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("服务器地址应形如 http://主机:端口 或 https://主机:端口: %q", e.URL)
	}
	if u.Path != "" && u.Path != "/" {
		return nil, fmt.Errorf("服务器地址不应带路径: %q", e.URL)
	}
	if strings.TrimSpace(e.Bucket) == "" {
		return nil, errors.New("缺少存储桶名称")
	}
	transport, err := minio.DefaultTransport(u.Scheme == "https")
	if err != nil {
		return nil, err
	}
	transport.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	transport.ResponseHeaderTimeout = 2 * time.Minute
	c, err := minio.New(u.Host, &minio.Options{
		Creds:      credentials.NewStaticV4(e.AccessKey, e.SecretKey, ""),
		Secure:     u.Scheme == "https",
		Transport:  transport,
		MaxRetries: 3,
	})
	if err != nil {
		return nil, err
	}
	return &MinIO{client: c, bucket: e.Bucket}, nil
}

// EnsureBucket creates the bucket when it does not exist.
func (m *MinIO) EnsureBucket(ctx context.Context) error {
	ok, err := m.client.BucketExists(ctx, m.bucket)
	if err != nil {
		return describe(err)
	}
	if ok {
		return nil
	}
	if err := m.client.MakeBucket(ctx, m.bucket, minio.MakeBucketOptions{}); err != nil {
		return describe(err)
	}
	return nil
}

// Put implements Backend with a conditional write (If-None-Match: *).
func (m *MinIO) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	opts := minio.PutObjectOptions{ContentType: "application/octet-stream", PartSize: 64 << 20, DisableMultipart: size >= 0 && size <= 5<<30}
	if strings.HasSuffix(key, ".json") {
		opts.ContentType = "application/json"
	}
	opts.SetMatchETagExcept("*")
	_, err := m.client.PutObject(ctx, m.bucket, key, r, size, opts)
	if err != nil {
		resp := minio.ToErrorResponse(err)
		if resp.StatusCode == http.StatusPreconditionFailed || resp.Code == "PreconditionFailed" {
			return fmt.Errorf("%w: %s", ErrObjectExists, key)
		}
		return describe(err)
	}
	return nil
}

// Get implements Backend.
func (m *MinIO) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	obj, err := m.client.GetObject(ctx, m.bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, describe(err)
	}
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		if minio.ToErrorResponse(err).Code == "NoSuchKey" {
			return nil, fmt.Errorf("%w: %s", ErrObjectMissing, key)
		}
		return nil, describe(err)
	}
	return obj, nil
}

// List implements Backend.
func (m *MinIO) List(ctx context.Context, prefix string) ([]string, error) {
	var keys []string
	for obj := range m.client.ListObjects(ctx, m.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if obj.Err != nil {
			return nil, describe(obj.Err)
		}
		keys = append(keys, obj.Key)
	}
	sort.Strings(keys)
	return keys, nil
}

// describe turns a client error into a Chinese message; network failures
// wrap ErrUnreachable so that the scheduler can back off.
func describe(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	// An error already in the Backend's terms (from a body a wrapping
	// Backend read) keeps them.
	for _, known := range []error{ErrUnreachable, ErrAccessDenied, ErrObjectMissing, ErrObjectExists} {
		if errors.Is(err, known) {
			return err
		}
	}
	resp := minio.ToErrorResponse(err)
	switch resp.Code {
	case "AccessDenied":
		return fmt.Errorf("%w（密钥无权操作该位置）", ErrAccessDenied)
	case "InvalidAccessKeyId", "SignatureDoesNotMatch":
		return errors.New("服务器不认可访问密钥")
	case "InvalidBucketName":
		return errors.New("存储桶名称无效（应为3到63个小写字母、数字或连字符）")
	case "NoSuchBucket":
		return fmt.Errorf("存储桶不存在：%s", resp.BucketName)
	case "":
		var netErr net.Error
		var opErr *net.OpError
		var urlErr *url.Error
		if errors.As(err, &netErr) || errors.As(err, &opErr) || errors.As(err, &urlErr) || errors.Is(err, io.ErrUnexpectedEOF) {
			return unreachable(err)
		}
	}
	if resp.StatusCode >= 500 {
		return fmt.Errorf("%w：服务器内部错误（状态码%d）", ErrUnreachable, resp.StatusCode)
	}
	if resp.StatusCode > 0 {
		return fmt.Errorf("同步服务器返回错误（状态码%d）", resp.StatusCode)
	}
	return errors.New("同步服务器返回了无法识别的错误")
}
