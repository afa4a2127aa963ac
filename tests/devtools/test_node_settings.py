"""What a node is told at start, and the checks that come before: pure, no node needed."""

from pathlib import Path

import pytest
import yaml

from devtools.elasticsearch.commands import check_shape
from devtools.elasticsearch.layout import EngineError, Layout, state_dir
from devtools.elasticsearch.nodes import node_settings


def settings_of(layout, node, nodes):
    return yaml.safe_load(node_settings(layout, node, nodes, "bro"))


def test_a_single_node_elects_itself_and_binds_to_the_loopback(tmp_path):
    settings = settings_of(Layout(tmp_path, 9500), 1, 1)

    assert settings["discovery.type"] == "single-node"
    assert "discovery.seed_hosts" not in settings
    assert "cluster.initial_master_nodes" not in settings
    assert settings["network.host"] == "127.0.0.1"
    assert (settings["http.port"], settings["transport.port"]) == (9501, 9601)
    assert settings["path.logs"] == str(tmp_path / "9500" / "node-1" / "logs")


def test_cluster_nodes_find_each_other_and_bootstrap_only_on_new_data(tmp_path):
    layout = Layout(tmp_path, 9510)

    fresh = settings_of(layout, 2, 3)
    assert "discovery.type" not in fresh
    assert fresh["discovery.seed_hosts"] == [f"127.0.0.1:{port}" for port in (9611, 9612, 9613)]
    assert fresh["cluster.initial_master_nodes"] == ["node-1", "node-2", "node-3"]
    assert (fresh["node.name"], fresh["http.port"]) == ("node-2", 9512)

    (layout.node_dir(2) / "data").mkdir(parents=True)
    (layout.node_dir(2) / "data" / "_state").mkdir()
    restarted = settings_of(layout, 2, 3)
    assert "cluster.initial_master_nodes" not in restarted
    assert restarted["discovery.seed_hosts"] == fresh["discovery.seed_hosts"]


def test_data_is_reused_only_for_the_cluster_it_was_made_for(tmp_path):
    layout = Layout(tmp_path, 9510)
    layout.root.mkdir(parents=True)
    check_shape(layout, 3, "bro-fault-test")
    check_shape(layout, 3, "bro-fault-test")  # the same shape again is fine

    with pytest.raises(EngineError, match="another --base-port"):
        check_shape(layout, 1, "bro-fault-test")
    with pytest.raises(EngineError, match="'cluster_name': 'bro'"):
        check_shape(layout, 3, "bro")


def test_as_root_the_state_lives_where_the_service_user_can_reach_it():
    private = Path("/root/bro")

    assert state_dir(private, as_root=True).parent == Path("/var/lib/bro-es")
    assert state_dir(private, as_root=True) == state_dir(Path("/root/bro"), as_root=True)
    assert state_dir(private, as_root=True) != state_dir(Path("/tmp/tmp.x/bro"), as_root=True)
    assert state_dir(private, as_root=False) == private / ".services" / "elasticsearch"
