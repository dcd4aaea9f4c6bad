"""evidence archive: WARC locations per run, page and finding; replayed runs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('archive_record',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('portal_id', sa.String(length=80), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('fetch_status', sa.String(length=40), nullable=True),
    sa.Column('warc_file', sa.String(length=500), nullable=False),
    sa.Column('warc_offset', sa.BigInteger(), nullable=False),
    sa.Column('warc_length', sa.BigInteger(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['crawl_run.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('archive_record', schema=None) as batch_op:
        batch_op.create_index('ix_archive_record_run_url', ['run_id', 'url'], unique=False)
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archive_dir', sa.String(length=1000), nullable=True))
        batch_op.add_column(sa.Column('replay_of', sa.Integer(), nullable=True))
    with op.batch_alter_table('page', schema=None) as batch_op:
        batch_op.add_column(sa.Column('warc_file', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('warc_offset', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.add_column(sa.Column('warc_file', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('warc_offset', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_column('warc_offset')
        batch_op.drop_column('warc_file')
    with op.batch_alter_table('page', schema=None) as batch_op:
        batch_op.drop_column('warc_offset')
        batch_op.drop_column('warc_file')
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.drop_column('replay_of')
        batch_op.drop_column('archive_dir')
    with op.batch_alter_table('archive_record', schema=None) as batch_op:
        batch_op.drop_index('ix_archive_record_run_url')
    op.drop_table('archive_record')
