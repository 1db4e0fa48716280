"""moto in a thread, plus a line protocol on stdin/stdout so tests can shape what moto cannot be told
through its API: an EKS cluster with `accessConfig`, a chosen status and Kubernetes version (moto's
DescribeCluster has no accessConfig and CreateCluster always makes an ACTIVE cluster).

stdout, first line: {"port": N}. Then one JSON answer per JSON command read from stdin:
  {"cmd": "cluster", "name": ..., "region": ..., "version": "1.32", "authenticationMode": "API_AND_CONFIG_MAP",
   "status": "ACTIVE", "account": "123456789012", "endpoint": "https://127.0.0.1:6443",
   "certificateAuthority": "<base64 PEM>", "autoMode": true}  -> {"ok": true, "issuer": ..., "endpoint": ..., "arn": ...}
  (endpoint / certificateAuthority point the cluster at a real test API server instead of moto's fake ones;
   autoMode sets computeConfig, which moto's DescribeCluster never reports, as EKS reports it for Auto Mode)
  {"cmd": "ping"} -> {"ok": true}
"""
import json
import os
import sys

os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

from moto.moto_server.threaded_moto_server import ThreadedMotoServer  # noqa: E402
from moto.eks.models import eks_backends  # noqa: E402

DEFAULT_ACCOUNT = "123456789012"


def upsert_cluster(msg):
    account = msg.get("account", DEFAULT_ACCOUNT)
    backend = eks_backends[account][msg["region"]]
    cluster = backend.clusters.get(msg["name"])
    if cluster is None:
        cluster = backend.create_cluster(
            name=msg["name"],
            role_arn=f"arn:aws:iam::{account}:role/eks-cluster-role",
            resources_vpc_config={"subnetIds": [], "securityGroupIds": []},
            version=msg.get("version", "1.32"),
        )
    if "version" in msg:
        cluster.version = msg["version"]
    if "status" in msg:
        cluster.status = msg["status"]
    if msg.get("authenticationMode"):
        # The response serializer reads attributes by the output shape's member names (snake_case).
        cluster.access_config = {"authenticationMode": msg["authenticationMode"], "bootstrapClusterCreatorAdminPermissions": True}
    if "autoMode" in msg:
        cluster.compute_config = (
            {"enabled": True, "nodePools": ["general-purpose", "system"], "nodeRoleArn": f"arn:aws:iam::{account}:role/eks-auto-node-role"}
            if msg["autoMode"]
            else {"enabled": False}
        )
    if msg.get("endpoint"):
        cluster.endpoint = msg["endpoint"]
    if msg.get("certificateAuthority"):
        cluster.certificate_authority = {"data": msg["certificateAuthority"]}
    if "issuer" in msg:
        cluster.identity = {"oidc": {"issuer": msg["issuer"]}} if msg["issuer"] else {}
    return {"ok": True, "issuer": cluster.identity.get("oidc", {}).get("issuer"), "endpoint": cluster.endpoint, "arn": cluster.arn}


def main():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    _, port = server.get_host_and_port()
    print(json.dumps({"port": port}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
            if msg.get("cmd") == "cluster":
                answer = upsert_cluster(msg)
            elif msg.get("cmd") == "ping":
                answer = {"ok": True}
            else:
                answer = {"ok": False, "error": f"unknown command {msg.get('cmd')!r}"}
        except Exception as exc:  # report, keep serving
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer), flush=True)
    server.stop()


if __name__ == "__main__":
    main()
